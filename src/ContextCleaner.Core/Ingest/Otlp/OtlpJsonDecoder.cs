using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Decodes an OTLP/HTTP JSON body (<c>application/json</c>) with a <see cref="Utf8JsonReader"/>, following the OTLP
/// JSON mapping: lowerCamelCase keys (snake_case proto names accepted too), unknown fields ignored, <c>null</c> as
/// absent, 64-bit integers as numbers or decimal strings, doubles as numbers or <c>"NaN"</c>/<c>"Infinity"</c>/
/// <c>"-Infinity"</c>, enums as integers, trace and span ids as hex, <c>bytesValue</c> as base64. Records come out
/// flattened in wire order, each with its resource and scope (one instance per <c>ResourceX</c>/<c>ScopeX</c>); the
/// result equals what <see cref="OtlpProtobufDecoder"/> makes of the same data.
/// </summary>
public static partial class OtlpJsonDecoder
{
    private const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Decodes <paramref name="utf8Json"/> as an export request of <paramref name="signal"/>.</summary>
    /// <param name="signal">The signal the body was sent for (<c>/v1/logs</c>, <c>/v1/metrics</c>, <c>/v1/traces</c>).</param>
    /// <param name="utf8Json">The whole, decompressed request body; <c>{}</c> is a valid empty request.</param>
    /// <returns>The decoded records.</returns>
    /// <exception cref="OtlpFormatException">
    /// The body is not one valid JSON object, nests deeper than 64 levels, or has a value of the wrong type where the
    /// OTLP schema needs an object, array, string, number or bool. The message is one line with the byte offset.
    /// </exception>
    public static OtlpExport Decode(OtlpSignal signal, ReadOnlySpan<byte> utf8Json)
    {
        var builder = new OtlpExportBuilder(signal);
        var names = PropertyNames(signal);
        if (!Utf8.IsValid(utf8Json))
        {
            throw Fail(FirstInvalidUtf8(utf8Json), "invalid UTF-8");
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Fail(reader.TokenStartIndex, $"the body must be a JSON object, not {Describe(reader.TokenType)}");
            }

            Span<char> buffer = stackalloc char[NameBufferLength];
            while (NextProperty(ref reader))
            {
                if (!buffer[..PropertyName(ref reader, buffer)].SequenceEqual(names.ResourceGroups) || !ReadArray(ref reader, names.ResourceGroups))
                {
                    reader.Skip();
                    continue;
                }

                while (NextObject(ref reader, names.ResourceGroups))
                {
                    ReadResourceGroup(ref reader, builder);
                }
            }

            reader.Read();      // throws on anything but whitespace after the object
        }
        catch (JsonException e)
        {
            throw new OtlpFormatException($"Invalid OTLP/JSON: {Reason(e)} at byte {ByteOffset(utf8Json, e)}.", e);
        }

        return builder.Build();
    }

    private static (string ResourceGroups, string ScopeGroups, string Records) PropertyNames(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Logs => ("resourceLogs", "scopeLogs", "logRecords"),
        OtlpSignal.Metrics => ("resourceMetrics", "scopeMetrics", "metrics"),
        OtlpSignal.Traces => ("resourceSpans", "scopeSpans", "spans"),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not an OTLP signal"),
    };

    /// <summary>One <c>ResourceLogs</c>/<c>ResourceMetrics</c>/<c>ResourceSpans</c>, the reader on its start.</summary>
    private static void ReadResourceGroup(ref Utf8JsonReader reader, OtlpExportBuilder builder)
    {
        // Every record points at its resource, and JSON key order is free: scopes seen before the resource are
        // read from a saved reader once the object has been crossed (OTel-JS puts "resource" first, so that is rare).
        var names = PropertyNames(builder.Signal);
        OtlpResource? resource = null;
        var pending = default(Utf8JsonReader);
        var hasPending = false;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            var name = buffer[..PropertyName(ref reader, buffer)];
            if (name is "resource")
            {
                resource = ReadObject(ref reader, "resource") ? new OtlpResource(ReadAttributesOf(ref reader, "resource")) : OtlpResource.None;
            }
            else if (!name.SequenceEqual(names.ScopeGroups))
            {
                reader.Skip();
            }
            else if (resource is null)
            {
                pending = reader;
                hasPending = true;
                reader.Skip();
            }
            else
            {
                ReadScopeGroups(ref reader, resource, builder);
            }
        }

        if (hasPending)
        {
            ReadScopeGroups(ref pending, resource ?? OtlpResource.None, builder);
        }
    }

    /// <summary>The <c>scopeLogs</c>/<c>scopeMetrics</c>/<c>scopeSpans</c> array, the reader on its property name.</summary>
    private static void ReadScopeGroups(ref Utf8JsonReader reader, OtlpResource resource, OtlpExportBuilder builder)
    {
        var names = PropertyNames(builder.Signal);
        if (!ReadArray(ref reader, names.ScopeGroups))
        {
            return;
        }

        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextObject(ref reader, names.ScopeGroups))
        {
            OtlpScope? scope = null;
            var pending = default(Utf8JsonReader);
            var hasPending = false;
            while (NextProperty(ref reader))
            {
                var name = buffer[..PropertyName(ref reader, buffer)];
                if (name is "scope")
                {
                    scope = ReadObject(ref reader, "scope") ? ReadScope(ref reader) : OtlpScope.None;
                }
                else if (!name.SequenceEqual(names.Records))
                {
                    reader.Skip();
                }
                else if (scope is null)
                {
                    pending = reader;
                    hasPending = true;
                    reader.Skip();
                }
                else
                {
                    ReadRecords(ref reader, resource, scope, builder);
                }
            }

            if (hasPending)
            {
                ReadRecords(ref pending, resource, scope ?? OtlpScope.None, builder);
            }
        }
    }

    /// <summary>The <c>logRecords</c>/<c>metrics</c>/<c>spans</c> array, the reader on its property name.</summary>
    private static void ReadRecords(ref Utf8JsonReader reader, OtlpResource resource, OtlpScope scope, OtlpExportBuilder builder)
    {
        var field = PropertyNames(builder.Signal).Records;
        if (!ReadArray(ref reader, field))
        {
            return;
        }

        while (NextObject(ref reader, field))
        {
            switch (builder.Signal)
            {
                case OtlpSignal.Logs:
                    builder.Logs.Add(ReadLogRecord(ref reader, resource, scope));
                    break;
                case OtlpSignal.Metrics:
                    builder.Metrics.Add(ReadMetric(ref reader, resource, scope));
                    break;
                default:
                    builder.Spans.Add(ReadSpan(ref reader, resource, scope));
                    break;
            }
        }
    }

    private static OtlpFormatException Fail(long offset, string problem) => new($"Invalid OTLP/JSON: {problem} at byte {offset}.");

    /// <summary>The reader's message without its trailing position (reported as a byte offset instead), on one line.</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position < 0)
        {
            position = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        message = (position < 0 ? message : message[..position]).TrimEnd(' ', '.', '|');
        return string.Create(message.Length, message, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? ' ' : text[i];
            }
        });
    }

    /// <summary>The offset in the body of the reader's line/byte-in-line position.</summary>
    private static long ByteOffset(ReadOnlySpan<byte> body, JsonException e)
    {
        var lineStart = 0;
        for (var line = 0L; line < (e.LineNumber ?? 0); line++)
        {
            var newline = body[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return Math.Min(lineStart + (e.BytePositionInLine ?? 0), body.Length);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length && Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
