using System.Text;
using ContextCleaner.Core.Pricing;
using static ContextCleaner.Core.Ingest.PlainJson;

namespace ContextCleaner.Core.Ingest;

internal static partial class TranscriptLineParser
{
    /// <summary>
    /// Reads the common line (an API response: valid JSON, plain strings, integer token counts) straight from its bytes,
    /// in a quarter less time than the <see cref="System.Text.Json.Utf8JsonReader"/> path (benchmarks/results-parser.md;
    /// −10 % of a cold 1 GB import). Returns false as soon as anything
    /// else shows up (an escape in a field it keeps, a number it does not read itself, a wrong type, invalid JSON, the
    /// fields of error, retry and system lines, an API-error line); the reader path then reads the line from the start
    /// and says what is wrong with it. When it returns true, <paramref name="line"/> holds exactly what the reader path
    /// would have put there (TranscriptLineParserPlainTests compares the two on real, generated and damaged lines).
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<byte> json, TranscriptLine line)
    {
        line.Reset();
        var i = 0;
        var first = true;
        bool closed;
        while (NextMember(json, ref i, ref first, out var key, out closed))
        {
            if (!TopLevelMember(json, ref i, key, line))
            {
                return false;
            }
        }

        // Text after the object, and lines whose error text is their content, are the reader path's.
        return closed && JsonValueSkipper.SkipWhitespace(json, i) == json.Length && !line.IsApiErrorMessage && line.Model != ModelNames.Synthetic;
    }

    private static bool TopLevelMember(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> key, TranscriptLine line)
    {
        if (key.SequenceEqual("message"u8))
        {
            return json[i] == (byte)'{' ? PlainMessage(json, ref i, line) : Skip(json, ref i);
        }

        if (key.SequenceEqual("type"u8))
        {
            switch (String(json, ref i, out var type))
            {
                case PlainToken.String:
                    line.Type = type.SequenceEqual("assistant"u8) ? LineType.Assistant : type.SequenceEqual("system"u8) ? LineType.System : LineType.Other;
                    return true;
                case PlainToken.Null:
                    return true;
                default:
                    return false;
            }
        }

        if (key.SequenceEqual("timestamp"u8))
        {
            switch (String(json, ref i, out var text))
            {
                case PlainToken.String when IsoTimestamp.TryParse(text, out var utc):
                    line.Timestamp = utc;
                    return true;
                case PlainToken.Null:
                    return true;
                default:
                    return false;
            }
        }

        if (key.SequenceEqual("uuid"u8))
        {
            return Raw(json, ref i, line.Uuid);
        }

        if (key.SequenceEqual("requestId"u8))
        {
            var ok = Text(json, ref i, cache: null, out var requestId);
            line.RequestId = requestId;
            return ok;
        }

        if (key.SequenceEqual("requestedModel"u8))
        {
            // On every line of recent versions, with a handful of distinct values: one string each.
            var ok = Text(json, ref i, line.Models, out var model);
            line.RequestedModel = model;
            return ok;
        }

        if (key.SequenceEqual("isSidechain"u8))
        {
            var flag = Boolean(json, ref i);
            line.IsSidechain = flag ?? false;      // another kind of value counts as false, as on the reader path
            return flag is not null || Skip(json, ref i);
        }

        if (key.SequenceEqual("isApiErrorMessage"u8))
        {
            var flag = Boolean(json, ref i);
            line.IsApiErrorMessage = flag ?? false;
            return flag is not null || Skip(json, ref i);
        }

        // The other fields the reader path keeps belong to error, retry and system lines (or old cost-carrying ones).
        return !IsReaderPathField(key) && Skip(json, ref i);
    }

    private static bool PlainMessage(ReadOnlySpan<byte> json, ref int i, TranscriptLine line)
    {
        var first = true;
        bool closed;
        while (NextMember(json, ref i, ref first, out var key, out closed))
        {
            if (!MessageMember(json, ref i, key, line))
            {
                return false;
            }
        }

        return closed;
    }

    private static bool MessageMember(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> key, TranscriptLine line)
    {
        if (key.SequenceEqual("content"u8))
        {
            // Skipped unread, as the reader path does before it knows the line is an API error (then it reads it again).
            line.ContentSkipped = true;
            return line.Model != ModelNames.Synthetic && Skip(json, ref i);
        }

        if (key.SequenceEqual("usage"u8))
        {
            return json[i] == (byte)'{' ? PlainUsage(json, ref i, line) : Null(json, ref i);
        }

        if (key.SequenceEqual("model"u8))
        {
            var read = Text(json, ref i, line.Models, out var model);
            line.Model = model;
            return read;
        }

        return key.SequenceEqual("id"u8) ? Raw(json, ref i, line.MessageId) : Skip(json, ref i);
    }

    // A string field as the reader path reads it (null for null; any other kind of value rejects the line there), one
    // string per distinct value when a cache is given.
    private static bool Text(ReadOnlySpan<byte> json, ref int i, StringCache? cache, out string? value)
    {
        value = null;
        switch (String(json, ref i, out var text))
        {
            case PlainToken.String:
                value = cache is null ? Encoding.UTF8.GetString(text) : cache.Get(text);
                return true;
            case PlainToken.Null:
                return true;
            default:
                return false;
        }
    }

    // A string kept as bytes; another kind of value is skipped, as the reader path does.
    private static bool Raw(ReadOnlySpan<byte> json, ref int i, Utf8Value value)
    {
        switch (String(json, ref i, out var text))
        {
            case PlainToken.String:
                value.Set(text);
                return true;
            case PlainToken.Null:
                return true;
            case PlainToken.Other:
                return Skip(json, ref i);
            default:
                return false;
        }
    }

    private static bool IsReaderPathField(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("subtype"u8) || key.SequenceEqual("content"u8) || key.SequenceEqual("error"u8) || key.SequenceEqual("costUSD"u8)
        || key.SequenceEqual("apiErrorStatus"u8) || key.SequenceEqual("apiErrorType"u8)
        || key.SequenceEqual("retryAttempt"u8) || key.SequenceEqual("retryInMs"u8) || key.SequenceEqual("maxRetries"u8)
        || key.SequenceEqual("originalModel"u8) || key.SequenceEqual("fallbackModel"u8) || key.SequenceEqual("trigger"u8);
}
