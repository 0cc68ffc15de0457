using System.Text.Json;

namespace ContextCleaner.Core.Ingest;

internal static partial class TranscriptLineParser
{
    private const int MaxKeptTextLength = 2_000;

    private static string? ReadString(ref Utf8JsonReader reader, TranscriptLine line, string field)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                line.Problem ??= $"{field} is not a string";
                reader.Skip();
                return null;
        }
    }

    /// <summary>A string value cut to a useful length; anything else is skipped.</summary>
    private static string? ReadOptionalText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        var text = reader.GetString();
        return text is { Length: > MaxKeptTextLength } ? text[..MaxKeptTextLength] : text;
    }

    private static bool? ReadBool(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                reader.Skip();
                return null;
        }
    }

    private static long? ReadInteger(ref Utf8JsonReader reader, TranscriptLine line, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value))
            {
                return value;
            }

            if (reader.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            {
                return (long)d;
            }
        }
        else if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        line.Problem ??= $"{field} is not an integer";
        reader.Skip();
        return null;
    }

    /// <summary>An integer if the value is one; any other value is skipped without rejecting the line.</summary>
    private static long? ReadLenientInteger(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    private static decimal? ReadDecimal(ref Utf8JsonReader reader, TranscriptLine line, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            line.Problem ??= $"{field} is not a number";
            reader.Skip();
        }

        return null;
    }
}
