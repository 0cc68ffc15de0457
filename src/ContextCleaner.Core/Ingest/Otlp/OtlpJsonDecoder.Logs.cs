using System.Text.Json;

namespace ContextCleaner.Core.Ingest.Otlp;

public static partial class OtlpJsonDecoder
{
    private static OtlpLogRecord ReadLogRecord(ref Utf8JsonReader reader, OtlpResource resource, OtlpScope scope)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? severityText = null, traceId = null, spanId = null, eventName = null;
        var body = OtlpValue.Empty;
        var attributes = OtlpAttributes.None;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "timeUnixNano": time = ReadInteger<ulong>(ref reader, "timeUnixNano"); break;
                case "observedTimeUnixNano": observed = ReadInteger<ulong>(ref reader, "observedTimeUnixNano"); break;
                case "severityNumber": severity = ReadInteger<int>(ref reader, "severityNumber"); break;
                case "severityText": severityText = ReadString(ref reader, "severityText"); break;
                case "body": body = ReadObject(ref reader, "body") ? ReadAnyValue(ref reader) : OtlpValue.Empty; break;
                case "attributes": attributes = ReadAttributes(ref reader, "logRecords.attributes"); break;
                case "traceId": traceId = ReadHexId(ref reader, "traceId"); break;
                case "spanId": spanId = ReadHexId(ref reader, "spanId"); break;
                case "eventName": eventName = ReadString(ref reader, "eventName"); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpLogRecord(
            resource, scope, time, observed, severity, OtlpExportBuilder.Text(severityText), body, attributes, traceId, spanId,
            OtlpExportBuilder.Text(eventName));
    }
}
