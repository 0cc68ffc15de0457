using System.Text.RegularExpressions;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Database names go into SQL text (an identifier cannot be a value parameter), so only plain identifiers are accepted:
/// nothing a user types can change the meaning of a statement.
/// </summary>
internal static partial class ClickHouseIdentifier
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Pattern();
}
