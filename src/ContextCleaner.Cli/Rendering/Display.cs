using System.Globalization;
using System.Text.RegularExpressions;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Number and name formats of the tables.</summary>
internal static partial class Display
{
    public static string Tokens(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Cost(decimal value) => "$" + value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary><c>claude-sonnet-4-5-20250929</c> → <c>sonnet-4-5</c>, as ccusage shows models.</summary>
    public static string ShortModel(string model)
    {
        var name = model.StartsWith("claude-", StringComparison.Ordinal) ? model["claude-".Length..] : model;
        return DateSuffix().Replace(name, "");
    }

    [GeneratedRegex(@"-\d{8}(?=$|-fast$)", RegexOptions.CultureInvariant)]
    private static partial Regex DateSuffix();
}
