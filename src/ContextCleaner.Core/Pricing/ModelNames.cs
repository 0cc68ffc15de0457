using System.Text.RegularExpressions;

namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Reduces the spellings of one model to the Anthropic API id: Bedrock (<c>us.anthropic.claude-…-v1:0</c>),
/// Vertex (<c>claude-…@20250929</c>) and LiteLLM-style (<c>anthropic/claude-…</c>) names.
/// </summary>
public static partial class ModelNames
{
    /// <summary>Model id of transcript lines that stand for API errors (zero usage).</summary>
    public const string Synthetic = "<synthetic>";

    /// <summary>The canonical spelling of <paramref name="model"/>.</summary>
    public static string Normalize(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.Trim().ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var anthropic = name.IndexOf("anthropic.", StringComparison.Ordinal);
        if (anthropic >= 0)
        {
            name = name[(anthropic + "anthropic.".Length)..];
        }

        name = BedrockVersionSuffix().Replace(name, "");
        return name.Replace('@', '-');
    }

    /// <summary>The id without a trailing <c>-YYYYMMDD</c> date, or null when it has none.</summary>
    public static string? WithoutDate(string normalized)
    {
        var match = DateSuffix().Match(normalized);
        return match.Success ? normalized[..match.Index] : null;
    }

    [GeneratedRegex(@"-v\d+(:\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BedrockVersionSuffix();

    [GeneratedRegex(@"-\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateSuffix();
}
