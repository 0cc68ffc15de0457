using System.Text.Json;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Core.Ingest;

internal static partial class TranscriptLineParser
{
    // What a reader has consumed after "content" is skipped: the line continues as if message had one more property.
    private static ReadOnlySpan<byte> ResumePrefix => "{\"message\":{\"_\":0"u8;

    private static void ReadMessage(ref Utf8JsonReader reader, TranscriptLine line, ReadOnlySpan<byte> utf8, bool skipContent)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // User lines of old versions and bookkeeping lines may carry a string here; only an assistant needs an object.
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { ReadRaw(ref reader, line.MessageId); }
            else if (reader.ValueTextEquals("model"u8)) { line.Model = ReadModel(ref reader, line); }
            else if (reader.ValueTextEquals("usage"u8)) { ReadUsage(ref reader, line); }
            else if (reader.ValueTextEquals("content"u8) && skipContent && line.Model != ModelNames.Synthetic && reader.CurrentDepth == 2)
            {
                SkipContent(ref reader, line, utf8);
            }
            else if (reader.ValueTextEquals("content"u8)) { line.Text = ReadFirstText(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Jumps over the content value in the raw bytes, then continues with a reader over a copy of the rest of the line
    /// behind a prefix that puts it back inside <c>message</c>.
    /// </summary>
    private static void SkipContent(ref Utf8JsonReader reader, TranscriptLine line, ReadOnlySpan<byte> utf8)
    {
        var end = JsonValueSkipper.SkipValue(utf8, (int)reader.BytesConsumed);
        if (end < 0)
        {
            throw new JsonException("message.content is not a complete JSON value");
        }

        var rest = utf8[end..];
        var length = ResumePrefix.Length + rest.Length;
        if (line.Scratch.Length < length)
        {
            line.Scratch = new byte[Math.Max(length, line.Scratch.Length * 2)];
        }

        ResumePrefix.CopyTo(line.Scratch);
        rest.CopyTo(line.Scratch.AsSpan(ResumePrefix.Length));
        reader = new Utf8JsonReader(line.Scratch.AsSpan(0, length), isFinalBlock: true, new JsonReaderState(Options));
        for (var i = 0; i < 5; i++)
        {
            reader.Read();      // { "message" { "_" 0
        }

        line.ContentSkipped = true;
    }

    private static string? ReadModel(ref Utf8JsonReader reader, TranscriptLine line)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            return line.Models.Get(reader.ValueSpan);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            line.Problem ??= "message.model is not a string";
            reader.Skip();
        }

        return null;
    }

    private static void ReadUsage(ref Utf8JsonReader reader, TranscriptLine line)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            line.Problem ??= "message.usage is not an object";
            reader.Skip();
            return;
        }

        long input = 0, output = 0, read = 0, creation = 0;
        long? split5m = null, split1h = null;
        var sawInput = false;
        var sawOutput = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("input_tokens"u8)) { input = Tokens(ref reader, line, "usage.input_tokens"); sawInput = true; }
            else if (reader.ValueTextEquals("output_tokens"u8)) { output = Tokens(ref reader, line, "usage.output_tokens"); sawOutput = true; }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8)) { read = Tokens(ref reader, line, "usage.cache_read_input_tokens"); }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8)) { creation = Tokens(ref reader, line, "usage.cache_creation_input_tokens"); }
            else if (reader.ValueTextEquals("speed"u8)) { line.Speed = ReadString(ref reader, line, "usage.speed"); }
            else if (reader.ValueTextEquals("cache_creation"u8)) { ReadCacheCreation(ref reader, line, ref split5m, ref split1h); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!sawInput || !sawOutput)
        {
            line.Problem ??= "message.usage lacks input_tokens or output_tokens";
            return;
        }

        // When the API splits cache writes by lifetime, the split is the count (as ccusage 20 reads it); a write
        // total without a split predates 1-hour caching and is all 5-minute writes.
        var usage = split5m is null && split1h is null
            ? new TokenUsage(input, output, read, creation, 0)
            : new TokenUsage(input, output, read, split5m ?? 0, split1h ?? 0);
        line.Usage = usage;
        line.HasUsage = true;
    }

    private static void ReadCacheCreation(ref Utf8JsonReader reader, TranscriptLine line, ref long? split5m, ref long? split1h)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ephemeral_5m_input_tokens"u8)) { split5m = Tokens(ref reader, line, "usage.ephemeral_5m_input_tokens"); }
            else if (reader.ValueTextEquals("ephemeral_1h_input_tokens"u8)) { split1h = Tokens(ref reader, line, "usage.ephemeral_1h_input_tokens"); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static long Tokens(ref Utf8JsonReader reader, TranscriptLine line, string field)
    {
        var value = ReadInteger(ref reader, line, field) ?? 0;
        if (value < 0)
        {
            line.Problem ??= $"{field} is negative";
            return 0;
        }

        return value;
    }

    private static string? ReadFirstText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = reader.GetString();
            return s is { Length: > MaxKeptTextLength } ? s[..MaxKeptTextLength] : s;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (text is null && reader.ValueTextEquals("text"u8))
                {
                    text = ReadOptionalText(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        return text;
    }
}
