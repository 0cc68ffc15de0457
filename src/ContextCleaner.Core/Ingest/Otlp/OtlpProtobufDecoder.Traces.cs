namespace ContextCleaner.Core.Ingest.Otlp;

// Field numbers: opentelemetry-proto trace/v1/trace.proto.
public static partial class OtlpProtobufDecoder
{
    private static OtlpSpan ReadSpan(ProtoReader span, OtlpResource resource, OtlpScope scope)
    {
        string? traceId = null, spanId = null, parentSpanId = null, name = null, statusMessage = null;
        var kind = 0;
        var statusCode = 0;
        ulong start = 0, end = 0;
        List<OtlpKeyValue>? attributes = null;
        List<OtlpSpanEvent>? events = null;
        while (span.Next())
        {
            switch (span.Field)
            {
                case 1: traceId = Hex(span.ReadBytes()); break;
                case 2: spanId = Hex(span.ReadBytes()); break;
                case 3: span.SkipString(); break;           // trace_state
                case 4: parentSpanId = Hex(span.ReadBytes()); break;
                case 5: name = span.ReadString(); break;
                case 6: kind = span.ReadInt32(); break;
                case 7: start = span.ReadFixed64(); break;
                case 8: end = span.ReadFixed64(); break;
                case 9: (attributes ??= []).Add(ReadKeyValue(span.ReadMessage("KeyValue"))); break;
                case 10: span.ReadVarint(); break;          // dropped_attributes_count
                case 11: (events ??= []).Add(ReadSpanEvent(span.ReadMessage("Span.Event"))); break;
                case 12: span.ReadVarint(); break;          // dropped_events_count
                case 13: span.SkipMessage(); break;         // links
                case 14: span.ReadVarint(); break;          // dropped_links_count
                case 15: (statusCode, statusMessage) = ReadStatus(span.ReadMessage("Status")); break;
                case 16: span.ReadFixed32(); break;         // flags
                default: span.Skip(); break;
            }
        }

        return new OtlpSpan(
            resource, scope, traceId ?? "", spanId ?? "", parentSpanId, name ?? "", kind, start, end,
            OtlpExportBuilder.Attributes(attributes), (IReadOnlyList<OtlpSpanEvent>?)events ?? [], statusCode, OtlpExportBuilder.Text(statusMessage));
    }

    private static OtlpSpanEvent ReadSpanEvent(ProtoReader spanEvent)
    {
        ulong time = 0;
        string? name = null;
        List<OtlpKeyValue>? attributes = null;
        while (spanEvent.Next())
        {
            switch (spanEvent.Field)
            {
                case 1: time = spanEvent.ReadFixed64(); break;
                case 2: name = spanEvent.ReadString(); break;
                case 3: (attributes ??= []).Add(ReadKeyValue(spanEvent.ReadMessage("KeyValue"))); break;
                case 4: spanEvent.ReadVarint(); break;      // dropped_attributes_count
                default: spanEvent.Skip(); break;
            }
        }

        return new OtlpSpanEvent(time, name ?? "", OtlpExportBuilder.Attributes(attributes));
    }

    private static (int Code, string? Message) ReadStatus(ProtoReader status)
    {
        var code = 0;
        string? message = null;
        while (status.Next())
        {
            switch (status.Field)
            {
                case 2: message = status.ReadString(); break;
                case 3: code = status.ReadInt32(); break;
                default: status.Skip(); break;              // 1: deprecated_code
            }
        }

        return (code, message);
    }
}
