namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Decodes an OTLP/HTTP protobuf body (<c>application/x-protobuf</c>): <c>ExportLogsServiceRequest</c>,
/// <c>ExportMetricsServiceRequest</c> or <c>ExportTraceServiceRequest</c>, read straight from the proto3 wire format
/// (no protobuf library). Records come out flattened in wire order, each with its resource and scope (one instance
/// per <c>ResourceX</c>/<c>ScopeX</c>); the result equals what <see cref="OtlpJsonDecoder"/> makes of the same data.
/// </summary>
public static partial class OtlpProtobufDecoder
{
    /// <summary>Decodes <paramref name="body"/> as an export request of <paramref name="signal"/>.</summary>
    /// <param name="signal">The signal the body was sent for (<c>/v1/logs</c>, <c>/v1/metrics</c>, <c>/v1/traces</c>).</param>
    /// <param name="body">The whole, decompressed request body; empty is a valid empty request.</param>
    /// <returns>The decoded records.</returns>
    /// <exception cref="OtlpFormatException">
    /// The body is not a well-formed message: truncated, a length past its end, a known field with the wrong wire type,
    /// a group, invalid UTF-8 in a string, or nesting deeper than 64 messages. The message is one line with the byte offset.
    /// </exception>
    public static OtlpExport Decode(OtlpSignal signal, ReadOnlySpan<byte> body)
    {
        var names = MessageNames(signal);
        var builder = new OtlpExportBuilder(signal);
        var request = new ProtoReader(body, names.Request);
        while (request.Next())
        {
            if (request.Field == 1)
            {
                ReadResourceGroup(request.ReadMessage(names.ResourceGroup), builder);
            }
            else
            {
                request.Skip();
            }
        }

        return builder.Build();
    }

    private static (string Request, string ResourceGroup, string ScopeGroup, string Record) MessageNames(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Logs => ("ExportLogsServiceRequest", "ResourceLogs", "ScopeLogs", "LogRecord"),
        OtlpSignal.Metrics => ("ExportMetricsServiceRequest", "ResourceMetrics", "ScopeMetrics", "Metric"),
        OtlpSignal.Traces => ("ExportTraceServiceRequest", "ResourceSpans", "ScopeSpans", "Span"),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not an OTLP signal"),
    };

    private static void ReadResourceGroup(ProtoReader group, OtlpExportBuilder builder)
    {
        // Every record points at its resource, and nothing in the wire format puts the resource before the records:
        // find it first (skipping over the scopes costs one length per field), then read the scopes.
        var resource = OtlpResource.None;
        var scan = group;
        while (scan.Next())
        {
            switch (scan.Field)
            {
                case 1:
                    resource = new OtlpResource(ReadResourceAttributes(scan.ReadMessage("Resource")));
                    break;
                case 2:
                    scan.SkipMessage();
                    break;
                case 3:
                    scan.SkipString();
                    break;
                default:
                    scan.Skip();
                    break;
            }
        }

        var scopeGroup = MessageNames(builder.Signal).ScopeGroup;
        while (group.Next())
        {
            if (group.Field == 2)
            {
                ReadScopeGroup(group.ReadMessage(scopeGroup), resource, builder);
            }
            else
            {
                group.Skip();
            }
        }
    }

    private static void ReadScopeGroup(ProtoReader group, OtlpResource resource, OtlpExportBuilder builder)
    {
        var scope = OtlpScope.None;
        var scan = group;
        while (scan.Next())
        {
            switch (scan.Field)
            {
                case 1:
                    scope = ReadScope(scan.ReadMessage("InstrumentationScope"));
                    break;
                case 2:
                    scan.SkipMessage();
                    break;
                case 3:
                    scan.SkipString();
                    break;
                default:
                    scan.Skip();
                    break;
            }
        }

        var record = MessageNames(builder.Signal).Record;
        while (group.Next())
        {
            if (group.Field != 2)
            {
                group.Skip();
                continue;
            }

            switch (builder.Signal)
            {
                case OtlpSignal.Logs:
                    builder.Logs.Add(ReadLogRecord(group.ReadMessage(record), resource, scope));
                    break;
                case OtlpSignal.Metrics:
                    builder.Metrics.Add(ReadMetric(group.ReadMessage(record), resource, scope));
                    break;
                default:
                    builder.Spans.Add(ReadSpan(group.ReadMessage(record), resource, scope));
                    break;
            }
        }
    }

    private static OtlpLogRecord ReadLogRecord(ProtoReader record, OtlpResource resource, OtlpScope scope)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? severityText = null, traceId = null, spanId = null, eventName = null;
        var body = OtlpValue.Empty;
        List<OtlpKeyValue>? attributes = null;
        while (record.Next())
        {
            switch (record.Field)
            {
                case 1: time = record.ReadFixed64(); break;
                case 2: severity = record.ReadInt32(); break;
                case 3: severityText = record.ReadString(); break;
                case 5: body = ReadAnyValue(record.ReadMessage("AnyValue")); break;
                case 6: (attributes ??= []).Add(ReadKeyValue(record.ReadMessage("KeyValue"))); break;
                case 7: record.ReadVarint(); break;     // dropped_attributes_count
                case 8: record.ReadFixed32(); break;    // flags
                case 9: traceId = Hex(record.ReadBytes()); break;
                case 10: spanId = Hex(record.ReadBytes()); break;
                case 11: observed = record.ReadFixed64(); break;
                case 12: eventName = record.ReadString(); break;
                default: record.Skip(); break;
            }
        }

        return new OtlpLogRecord(
            resource, scope, time, observed, severity, OtlpExportBuilder.Text(severityText), body,
            OtlpExportBuilder.Attributes(attributes), traceId, spanId, OtlpExportBuilder.Text(eventName));
    }

    /// <summary>Lowercase hex of a trace or span id; null for an empty one (an unset id).</summary>
    private static string? Hex(ReadOnlySpan<byte> id) => id.IsEmpty ? null : Convert.ToHexStringLower(id);
}
