using System.Text.Json;

namespace ContextCleaner.Core.Ingest.Otlp;

public static partial class OtlpJsonDecoder
{
    private static OtlpSpan ReadSpan(ref Utf8JsonReader reader, OtlpResource resource, OtlpScope scope)
    {
        string? traceId = null, spanId = null, parentSpanId = null, name = null, statusMessage = null;
        var kind = 0;
        var statusCode = 0;
        ulong start = 0, end = 0;
        var attributes = OtlpAttributes.None;
        List<OtlpSpanEvent>? events = null;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "traceId": traceId = ReadHexId(ref reader, "traceId"); break;
                case "spanId": spanId = ReadHexId(ref reader, "spanId"); break;
                case "parentSpanId": parentSpanId = ReadHexId(ref reader, "parentSpanId"); break;
                case "name": name = ReadString(ref reader, "name"); break;
                case "kind": kind = ReadInteger<int>(ref reader, "kind"); break;
                case "startTimeUnixNano": start = ReadInteger<ulong>(ref reader, "startTimeUnixNano"); break;
                case "endTimeUnixNano": end = ReadInteger<ulong>(ref reader, "endTimeUnixNano"); break;
                case "attributes": attributes = ReadAttributes(ref reader, "spans.attributes"); break;
                case "events": events = ReadSpanEvents(ref reader); break;
                case "status": (statusCode, statusMessage) = ReadObject(ref reader, "status") ? ReadStatus(ref reader) : (0, null); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpSpan(
            resource, scope, traceId ?? "", spanId ?? "", parentSpanId, name ?? "", kind, start, end, attributes,
            (IReadOnlyList<OtlpSpanEvent>?)events ?? [], statusCode, OtlpExportBuilder.Text(statusMessage));
    }

    private static List<OtlpSpanEvent>? ReadSpanEvents(ref Utf8JsonReader reader)
    {
        if (!ReadArray(ref reader, "events"))
        {
            return null;
        }

        List<OtlpSpanEvent>? events = null;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextObject(ref reader, "events"))
        {
            ulong time = 0;
            string? name = null;
            var attributes = OtlpAttributes.None;
            while (NextProperty(ref reader))
            {
                switch (buffer[..PropertyName(ref reader, buffer)])
                {
                    case "timeUnixNano": time = ReadInteger<ulong>(ref reader, "events.timeUnixNano"); break;
                    case "name": name = ReadString(ref reader, "events.name"); break;
                    case "attributes": attributes = ReadAttributes(ref reader, "events.attributes"); break;
                    default: reader.Skip(); break;
                }
            }

            (events ??= []).Add(new OtlpSpanEvent(time, name ?? "", attributes));
        }

        return events;
    }

    private static (int Code, string? Message) ReadStatus(ref Utf8JsonReader reader)
    {
        var code = 0;
        string? message = null;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "code": code = ReadInteger<int>(ref reader, "status.code"); break;
                case "message": message = ReadString(ref reader, "status.message"); break;
                default: reader.Skip(); break;
            }
        }

        return (code, message);
    }
}
