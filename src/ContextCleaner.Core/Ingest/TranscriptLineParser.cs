using System.Text.Json;
using System.Text.Unicode;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Reads one transcript line, keeping only the fields analytics need and skipping the rest (tool bodies, prompts): an
/// ordinary API response straight from its bytes (TranscriptLineParser.Plain.cs), any other line, and any line the
/// shortcut is unsure of, with a <see cref="Utf8JsonReader"/>. A line that is not one complete JSON object, or whose
/// usage fields have the wrong JSON types, is rejected with <see cref="TranscriptLine.Problem"/> set.
/// </summary>
internal static partial class TranscriptLineParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 512, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses <paramref name="utf8"/> into <paramref name="line"/>.</summary>
    public static ParseResult Parse(ReadOnlySpan<byte> utf8, TranscriptLine line) =>
        !Utf8.IsValid(utf8) ? NotUtf8(line)
        : TryParsePlain(utf8, line) ? ParseResult.Ok
        : ParseWithReader(utf8, line);

    /// <summary>The same without the plain-line shortcut: every line through <see cref="Utf8JsonReader"/> (tests compare the two).</summary>
    internal static ParseResult ParseWithReaderOnly(ReadOnlySpan<byte> utf8, TranscriptLine line) =>
        Utf8.IsValid(utf8) ? ParseWithReader(utf8, line) : NotUtf8(line);

    private static ParseResult NotUtf8(TranscriptLine line)
    {
        line.Reset();
        line.Problem = "invalid UTF-8";
        return ParseResult.Malformed;
    }

    private static ParseResult ParseWithReader(ReadOnlySpan<byte> utf8, TranscriptLine line)
    {
        var result = Parse(utf8, line, skipContent: true);
        if (result == ParseResult.Ok && line.ContentSkipped && (line.IsApiErrorMessage || line.Model == Pricing.ModelNames.Synthetic))
        {
            // An API-error line's text is its error message: read the line again, content included (rare).
            result = Parse(utf8, line, skipContent: false);
        }

        return result;
    }

    private static ParseResult Parse(ReadOnlySpan<byte> utf8, TranscriptLine line, bool skipContent)
    {
        line.Reset();
        try
        {
            var reader = new Utf8JsonReader(utf8, isFinalBlock: true, new JsonReaderState(Options));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                line.Problem = "not a JSON object";
                return ParseResult.Malformed;
            }

            ReadTopLevel(ref reader, line, utf8, skipContent);
            if (reader.Read())
            {
                line.Problem = "text after the JSON object";
                return ParseResult.Malformed;
            }

            return line.Problem is null ? ParseResult.Ok : ParseResult.Invalid;
        }
        catch (JsonException e)
        {
            line.Problem = e.Message;
            return ParseResult.Malformed;
        }
        catch (InvalidOperationException e)
        {
            // GetString() on a lone surrogate escape ("\ud800", which JavaScript's JSON.stringify writes) throws this.
            line.Problem = e.Message;
            return ParseResult.Malformed;
        }
    }

    private static void ReadTopLevel(ref Utf8JsonReader reader, TranscriptLine line, ReadOnlySpan<byte> utf8, bool skipContent)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8)) { ReadType(ref reader, line); }
            else if (reader.ValueTextEquals("timestamp"u8)) { ReadTimestamp(ref reader, line); }
            else if (reader.ValueTextEquals("message"u8)) { ReadMessage(ref reader, line, utf8, skipContent); }
            else if (reader.ValueTextEquals("uuid"u8)) { ReadRaw(ref reader, line.Uuid); }
            else if (reader.ValueTextEquals("requestId"u8)) { line.RequestId = ReadString(ref reader, line, "requestId"); }
            else if (reader.ValueTextEquals("isSidechain"u8)) { line.IsSidechain = ReadBool(ref reader) ?? false; }
            else if (reader.ValueTextEquals("isApiErrorMessage"u8)) { line.IsApiErrorMessage = ReadBool(ref reader) ?? false; }
            else if (reader.ValueTextEquals("costUSD"u8)) { line.CostUsd = ReadDecimal(ref reader, line, "costUSD"); }
            else if (reader.ValueTextEquals("subtype"u8)) { line.Subtype = ReadString(ref reader, line, "subtype"); }
            else if (reader.ValueTextEquals("requestedModel"u8)) { line.RequestedModel = ReadString(ref reader, line, "requestedModel"); }
            else if (reader.ValueTextEquals("error"u8)) { ReadError(ref reader, line); }
            else if (reader.ValueTextEquals("apiErrorStatus"u8)) { line.ApiErrorStatus = (int?)ReadInteger(ref reader, line, "apiErrorStatus"); }
            else if (reader.ValueTextEquals("apiErrorType"u8)) { line.ApiErrorType = ReadString(ref reader, line, "apiErrorType"); }
            else if (reader.ValueTextEquals("retryAttempt"u8)) { line.RetryAttempt = (int?)ReadInteger(ref reader, line, "retryAttempt"); }
            else if (reader.ValueTextEquals("retryInMs"u8)) { line.RetryInMs = ReadInteger(ref reader, line, "retryInMs"); }
            else if (reader.ValueTextEquals("maxRetries"u8)) { line.MaxRetries = (int?)ReadInteger(ref reader, line, "maxRetries"); }
            else if (reader.ValueTextEquals("originalModel"u8)) { line.OriginalModel = ReadString(ref reader, line, "originalModel"); }
            else if (reader.ValueTextEquals("fallbackModel"u8)) { line.FallbackModel = ReadString(ref reader, line, "fallbackModel"); }
            else if (reader.ValueTextEquals("trigger"u8)) { line.Trigger = ReadString(ref reader, line, "trigger"); }
            else if (reader.ValueTextEquals("content"u8)) { line.Content = ReadOptionalText(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadType(ref Utf8JsonReader reader, TranscriptLine line)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            line.Type = reader.ValueTextEquals("assistant"u8) ? LineType.Assistant : reader.ValueTextEquals("system"u8) ? LineType.System : LineType.Other;
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            line.Problem ??= "type is not a string";
            reader.Skip();
        }
    }

    private static void ReadRaw(ref Utf8JsonReader reader, Utf8Value value)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
        }
        else if (reader.ValueIsEscaped)
        {
            value.Set(System.Text.Encoding.UTF8.GetBytes(reader.GetString()!));
        }
        else
        {
            value.Set(reader.ValueSpan);
        }
    }

    private static void ReadTimestamp(ref Utf8JsonReader reader, TranscriptLine line)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && IsoTimestamp.TryParse(reader.ValueSpan, out var utc))
        {
            line.Timestamp = utc;
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            line.Problem ??= "timestamp is not an ISO-8601 string";
            reader.Skip();
        }
    }

    private static void ReadError(ref Utf8JsonReader reader, TranscriptLine line)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                line.ErrorCode = reader.GetString();
                break;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("message"u8)) { line.ErrorMessage = ReadOptionalText(ref reader); }
                    else if (reader.ValueTextEquals("formatted"u8)) { line.ErrorFormatted = ReadOptionalText(ref reader); }
                    else if (reader.ValueTextEquals("requestId"u8)) { line.ErrorRequestId = ReadOptionalText(ref reader); }
                    else if (reader.ValueTextEquals("status"u8)) { line.ErrorStatus = (int?)ReadLenientInteger(ref reader); }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }
}
