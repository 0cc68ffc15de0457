namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>
/// Hand-built messages setting every field the decoders know (Claude Code sends only some), each next to the same
/// data as OTLP/JSON. <c>extra</c> writes more fields into each sub-message (the unknown-field test).
/// </summary>
public sealed partial class OtlpProtobufDecoderTests
{
    private const string LogRecordJson = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}],"droppedAttributesCount":0},
        "scopeLogs":[{"scope":{"name":"com.anthropic.claude_code.events","version":"2.1.328","attributes":[{"key":"x","value":{"boolValue":true}}]},
        "logRecords":[{"timeUnixNano":"1795649784761000000","severityNumber":9,"severityText":"INFO","body":{"stringValue":"claude_code.api_request"},
        "attributes":[{"key":"s","value":{"stringValue":"text"}},{"key":"b","value":{"boolValue":true}},{"key":"i","value":{"intValue":"-5"}},
        {"key":"d","value":{"doubleValue":1.5}},{"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":7}]}}},
        {"key":"k","value":{"kvlistValue":{"values":[{"key":"n","value":{"boolValue":false}}]}}},{"key":"y","value":{"bytesValue":"AAEC/w=="}},
        {"key":"e","value":{}}],"droppedAttributesCount":0,"flags":1,"traceId":"9D2838DD407AE6E7B309008088350701","spanId":"46fcd1678ed5545c",
        "observedTimeUnixNano":"1795649784761000001","eventName":"api_request"}],"schemaUrl":"https://opentelemetry.io/schemas/1.0.0"}],
        "schemaUrl":"https://opentelemetry.io/schemas/1.0.0"}]}
        """;

    private const string MetricsJson = """
        {"resourceMetrics":[{"scopeMetrics":[{"scope":{"name":"com.anthropic.claude_code"},"metrics":[
        {"name":"g","description":"gauge","unit":"1","gauge":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","asInt":"-3",
          "attributes":[{"key":"k","value":{"stringValue":"v"}}],"flags":1,"exemplars":[{"timeUnixNano":"1","asDouble":1}]}]}},
        {"name":"s","unit":"USD","sum":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","asDouble":2.5,
          "attributes":[{"key":"k","value":{"stringValue":"v"}}]}],"aggregationTemporality":2,"isMonotonic":true}},
        {"name":"h","histogram":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","count":"4","sum":10.5,"bucketCounts":["1","3"],
          "explicitBounds":[1],"attributes":[{"key":"k","value":{"stringValue":"v"}}],"min":0.5,"max":9}],"aggregationTemporality":1}},
        {"name":"e","exponentialHistogram":{"dataPoints":[{"attributes":[{"key":"k","value":{"stringValue":"v"}}],"startTimeUnixNano":"1",
          "timeUnixNano":"2","count":"2","sum":3,"scale":-2,"zeroCount":"0","positive":{"offset":1,"bucketCounts":["1","300"]},
          "negative":{"bucketCounts":["1","1"]},"min":1,"max":2,"zeroThreshold":0}],"aggregationTemporality":2}},
        {"name":"q","summary":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","count":"5","sum":6.5,
          "quantileValues":[{"quantile":0.5,"value":1}],"attributes":[{"key":"k","value":{"stringValue":"v"}}]}]}}]}]}]}
        """;

    private const string SpanJson = """
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"9d2838dd407ae6e7b309008088350701","spanId":"46fcd1678ed5545c",
        "traceState":"k=v","parentSpanId":"0102030405060708","name":"claude_code.llm_request","kind":3,"startTimeUnixNano":"100",
        "endTimeUnixNano":"200","attributes":[{"key":"model","value":{"stringValue":"claude-sonnet-4-5"}}],"droppedAttributesCount":0,
        "events":[{"timeUnixNano":"150","name":"gen_ai.request.attempt","attributes":[{"key":"attempt","value":{"intValue":1}}],
        "droppedAttributesCount":0}],"droppedEventsCount":0,"links":[{"traceId":"9d2838dd407ae6e7b309008088350701","spanId":"46fcd1678ed5545c"}],
        "droppedLinksCount":0,"status":{"message":"boom","code":2},"flags":257}]}]}]}
        """;

    private static void LogRecord(ProtoWriter w) => w
        .Fixed64(1, 1795649784761000000).Varint(2, 9).String(3, "INFO")
        .Message(5, v => v.String(1, "claude_code.api_request"))
        .Message(6, kv => kv.String(1, "s").Message(2, v => v.String(1, "text")))
        .Message(6, kv => kv.String(1, "b").Message(2, v => v.Varint(2, 1)))
        .Message(6, kv => kv.String(1, "i").Message(2, v => v.Varint(3, unchecked((ulong)-5L))))
        .Message(6, kv => kv.String(1, "d").Message(2, v => v.Double(4, 1.5)))
        .Message(6, kv => kv.String(1, "a").Message(2, v => v.Message(5, a => a.Message(1, e => e.String(1, "x")).Message(1, e => e.Varint(3, 7)))))
        .Message(6, kv => kv.String(1, "k").Message(2, v => v.Message(6, l => l.Message(1, e => e.String(1, "n").Message(2, x => x.Varint(2, 0))))))
        .Message(6, kv => kv.String(1, "y").Message(2, v => v.Bytes(7, [0, 1, 2, 255])))
        .Message(6, kv => kv.String(1, "e").Message(2, _ => { }))
        .Varint(7, 0).Fixed32(8, 1).Bytes(9, TraceId).Bytes(10, SpanId).Fixed64(11, 1795649784761000001).String(12, "api_request");

    /// <summary>The contents of a <c>ScopeMetrics</c>: one metric of each type.</summary>
    private static void Metrics(ProtoWriter sm, Action<ProtoWriter> extra)
    {
        static void Attribute(ProtoWriter p, int field) => p.Message(field, kv => kv.String(1, "k").Message(2, v => v.String(1, "v")));
        void Metric(string name, Action<ProtoWriter> fields, int member, Action<ProtoWriter> data, Action<ProtoWriter> point) =>
            sm.Message(2, m =>
            {
                m.String(1, name);
                fields(m);
                extra(m);
                m.Message(member, d =>
                {
                    d.Message(1, p =>
                    {
                        p.Fixed64(2, 1).Fixed64(3, 2);
                        point(p);
                        extra(p);
                    });
                    data(d);
                    extra(d);
                });
            });

        sm.Message(1, s => s.String(1, "com.anthropic.claude_code"));
        Metric("g", m => m.String(2, "gauge").String(3, "1"), 5, _ => { }, p =>
        {
            p.Fixed64(6, unchecked((ulong)-3L));
            Attribute(p, 7);
            p.Varint(8, 1).Message(5, e => e.Fixed64(2, 1).Double(3, 1));
        });
        Metric("s", m => m.String(3, "USD"), 7, d => d.Varint(2, 2).Varint(3, 1), p =>
        {
            p.Double(4, 2.5);
            Attribute(p, 7);
        });
        Metric("h", _ => { }, 9, d => d.Varint(2, 1), p =>
        {
            p.Fixed64(4, 4).Double(5, 10.5).Bytes(6, ProtoWriter.Build(b => b.RawFixed64(1).RawFixed64(3)).ToArray()).Double(7, 1);
            Attribute(p, 9);
            p.Double(11, 0.5).Double(12, 9);
        });
        Metric("e", _ => { }, 10, d => d.Varint(2, 2), p =>
        {
            Attribute(p, 1);
            p.Fixed64(4, 2).Double(5, 3).Varint(6, 3).Fixed64(7, 0)
                .Message(8, b => b.Varint(1, 2).Bytes(2, ProtoWriter.Build(c => c.RawVarint(1).RawVarint(300)).ToArray()))
                .Message(9, b => b.Varint(2, 1).Varint(2, 1))
                .Double(12, 1).Double(13, 2).Double(14, 0);
        });
        Metric("q", _ => { }, 11, _ => { }, p =>
        {
            p.Fixed64(4, 5).Double(5, 6.5).Message(6, q => q.Double(1, 0.5).Double(2, 1));
            Attribute(p, 7);
        });
    }

    private static void Span(ProtoWriter s, Action<ProtoWriter> extra)
    {
        s.Bytes(1, TraceId).Bytes(2, SpanId).String(3, "k=v").Bytes(4, [1, 2, 3, 4, 5, 6, 7, 8]).String(5, "claude_code.llm_request")
            .Varint(6, 3).Fixed64(7, 100).Fixed64(8, 200)
            .Message(9, kv => kv.String(1, "model").Message(2, v => v.String(1, "claude-sonnet-4-5")))
            .Varint(10, 0)
            .Message(11, e =>
            {
                e.Fixed64(1, 150).String(2, "gen_ai.request.attempt").Message(3, kv => kv.String(1, "attempt").Message(2, v => v.Varint(3, 1))).Varint(4, 0);
                extra(e);
            })
            .Varint(12, 0)
            .Message(13, l => l.Bytes(1, TraceId).Bytes(2, SpanId))
            .Varint(14, 0)
            .Message(15, st =>
            {
                st.String(2, "boom").Varint(3, 2);
                extra(st);
            })
            .Fixed32(16, 257);
        extra(s);
    }
}
