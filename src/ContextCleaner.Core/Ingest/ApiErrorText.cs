using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Reads Claude Code's error strings, which embed the API's answer: <c>529 {"type":"error","error":{"type":"overloaded_error",…}}</c>.
/// </summary>
internal static class ApiErrorText
{
    /// <summary>The API error type inside the text (<c>overloaded_error</c>), if any.</summary>
    public static string? ErrorType(string? text)
    {
        var brace = text?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        if (brace < 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(brace));
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The HTTP status at the start of the text (<c>529 …</c>), if any.</summary>
    public static int? LeadingStatus(string? text)
    {
        if (text is null || text.Length < 3)
        {
            return null;
        }

        var span = text.AsSpan();
        var start = span.StartsWith("API Error: ", StringComparison.Ordinal) ? "API Error: ".Length : 0;
        return span.Length >= start + 3 && int.TryParse(span.Slice(start, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            && status is >= 100 and <= 599 && (span.Length == start + 3 || span[start + 3] == ' ')
            ? status
            : null;
    }
}
