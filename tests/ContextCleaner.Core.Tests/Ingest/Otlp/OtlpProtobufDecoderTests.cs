using System.Text;
using ContextCleaner.Core.Ingest.Otlp;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>
/// Values read from real protobuf bodies, and hand-built messages covering what Claude Code does not send, each checked
/// against the JSON decoder on the same data written as JSON (bad input: OtlpProtobufDecoderTests.BadInput.cs).
/// </summary>
public sealed partial class OtlpProtobufDecoderTests
{
    private const string S04Logs = "otlp-protobuf/s04-sonnet45-protobuf-hello--0001-logs.pb";
    private const string S20Traces = "otlp-protobuf/s20-sonnet45-protobuf-tool-read-traces--0001-traces.pb";
    private const string S20Logs = "otlp-protobuf/s20-sonnet45-protobuf-tool-read-traces--0002-logs.pb";
    private const string S20Metrics = "otlp-protobuf/s20-sonnet45-protobuf-tool-read-traces--0003-metrics.pb";

    private static readonly byte[] TraceId = Convert.FromHexString("9D2838DD407AE6E7B309008088350701");
    private static readonly byte[] SpanId = Convert.FromHexString("46FCD1678ED5545C");

    [Fact]
    public void Decode_ApiRequest_ReadsTokensCostAndPromptLength()
    {
        var logs = OtlpFixtures.Decode(S04Logs).Logs;

        var apiRequest = logs.Single(l => l.Body.StringValue == "claude_code.api_request");
        apiRequest.Attributes.Find("input_tokens")!.IntValue.ShouldBe(2723);
        apiRequest.Attributes.Find("cost_usd")!.DoubleValue.ShouldBe(0.08011275);
        apiRequest.EventName.ShouldBeNull();      // field 12 absent on the wire
        logs.Single(l => l.Body.StringValue == "claude_code.user_prompt").Attributes.Find("prompt_length")!.StringValue.ShouldBe("9");
    }

    [Fact]
    public void Decode_TracesAndTracedLogs_IdsAreLowercaseHexAndLinkUp()
    {
        var spans = OtlpFixtures.Decode(S20Traces).Spans;
        var logs = OtlpFixtures.Decode(S20Logs).Logs;

        spans.ShouldAllBe(s => s.TraceId == "9d2838dd407ae6e7b309008088350701" && s.SpanId.Length == 16);
        var interaction = spans.Single(s => s.Name == "claude_code.interaction");
        interaction.ParentSpanId.ShouldBeNull();
        logs.Single(l => l.Body.StringValue == "claude_code.user_prompt").SpanId.ShouldBe(interaction.SpanId);
        var llmRequests = spans.Where(s => s.Name == "claude_code.llm_request").ToList();
        llmRequests.Count.ShouldBe(2);      // the tool call, then the answer
        llmRequests.ShouldAllBe(s => s.ParentSpanId == interaction.SpanId && s.Events.Single().Attributes.GetLong("attempt") == 1);
    }

    [Fact]
    public void Decode_Metrics_AreDeltaSumsWithDoubleValues()
    {
        var metrics = OtlpFixtures.Decode(S20Metrics).Metrics;

        metrics.ShouldAllBe(m => m.Type == OtlpMetricType.Sum && m.Temporality == OtlpTemporality.Delta && m.IsMonotonic);
        metrics.Single(m => m.Name == "claude_code.cost.usage").Points.Single().Value.ShouldBe(0.09536354999999999);
    }

    [Fact]
    public void Decode_EmptyBody_IsAnEmptyExport()
    {
        var export = OtlpProtobufDecoder.Decode(OtlpSignal.Metrics, []);

        export.Signal.ShouldBe(OtlpSignal.Metrics);
        export.RecordCount.ShouldBe(0);
    }

    [Fact]
    public void Decode_LogRecordWithEveryField_EqualsJsonOfTheSameData()
    {
        var body = LogsRequest(LogRecord);

        var export = OtlpProtobufDecoder.Decode(OtlpSignal.Logs, body);

        OtlpExportText.Render(export).ShouldBe(OtlpExportText.Render(OtlpJsonDecoder.Decode(OtlpSignal.Logs, Encoding.UTF8.GetBytes(LogRecordJson))));
        var log = export.Logs.Single();
        (log.TraceId, log.SpanId, log.EventName, log.SeverityText).ShouldBe(("9d2838dd407ae6e7b309008088350701", "46fcd1678ed5545c", "api_request", "INFO"));
        log.Attributes.Find("i")!.IntValue.ShouldBe(-5);
        log.Attributes.Select(a => a.Value.Kind).Distinct().Count().ShouldBe(8);    // the seven members and empty
    }

    [Fact]
    public void Decode_EveryMetricType_EqualsJsonOfTheSameData()
    {
        var body = ProtoWriter.Build(w => w.Message(1, rm => rm.Message(2, sm => Metrics(sm, _ => { })))).ToArray();

        var export = OtlpProtobufDecoder.Decode(OtlpSignal.Metrics, body);

        OtlpExportText.Render(export).ShouldBe(OtlpExportText.Render(OtlpJsonDecoder.Decode(OtlpSignal.Metrics, Encoding.UTF8.GetBytes(MetricsJson))));
        export.Metrics.Select(m => (m.Type, m.Points.Single().Value, m.Points.Single().Count)).ShouldBe(
        [
            (OtlpMetricType.Gauge, -3d, (ulong?)null), (OtlpMetricType.Sum, 2.5d, null), (OtlpMetricType.Histogram, 10.5d, 4UL),
            (OtlpMetricType.ExponentialHistogram, 3d, 2UL), (OtlpMetricType.Summary, 6.5d, 5UL),
        ]);
    }

    [Fact]
    public void Decode_SpanWithEveryField_EqualsJsonOfTheSameData()
    {
        var body = ProtoWriter.Build(w => w.Message(1, rs => rs.Message(2, ss => ss.Message(2, s => Span(s, _ => { }))))).ToArray();

        var export = OtlpProtobufDecoder.Decode(OtlpSignal.Traces, body);

        OtlpExportText.Render(export).ShouldBe(OtlpExportText.Render(OtlpJsonDecoder.Decode(OtlpSignal.Traces, Encoding.UTF8.GetBytes(SpanJson))));
        var span = export.Spans.Single();
        (span.StatusCode, span.StatusMessage, span.Kind).ShouldBe((2, "boom", 3));
        span.Events.Single().Attributes.GetLong("attempt").ShouldBe(1);
    }

    [Fact]
    public void Decode_UnknownFieldsOfEveryWireTypeEverywhere_AreSkipped()
    {
        static void Unknown(ProtoWriter w) => w.Varint(1000, 300).Fixed64(1001, 7).String(1002, "future").Fixed32(1003, 9).Bytes(1004, [0xFF, 0x00]);

        var plain = ProtoWriter.Build(w => w.Message(1, rm => rm.Message(2, sm => Metrics(sm, _ => { })))).ToArray();
        var withUnknown = ProtoWriter.Build(w =>
        {
            Unknown(w);
            w.Message(1, rm =>
            {
                Unknown(rm);
                rm.Message(2, sm => Metrics(sm, Unknown));
            });
        }).ToArray();
        var spanWithUnknown = ProtoWriter.Build(w => w.Message(1, rs => rs.Message(2, ss => ss.Message(2, s => Span(s, Unknown))))).ToArray();
        var logWithUnknown = LogsRequest(w =>
        {
            Unknown(w);
            LogRecord(w);
        });

        Render(OtlpSignal.Metrics, withUnknown).ShouldBe(Render(OtlpSignal.Metrics, plain));
        Render(OtlpSignal.Traces, spanWithUnknown).ShouldBe(OtlpExportText.Render(OtlpJsonDecoder.Decode(OtlpSignal.Traces, Encoding.UTF8.GetBytes(SpanJson))));
        Render(OtlpSignal.Logs, logWithUnknown).ShouldBe(Render(OtlpSignal.Logs, LogsRequest(LogRecord)));
    }

    [Fact]
    public void Decode_PackedAndUnpackedRepeatedScalars_ReadTheSame()
    {
        static byte[] Histogram(bool packed) => ProtoWriter.Build(w => w.Message(1, rm => rm.Message(2, sm => sm.Message(2, m => m
            .String(1, "h")
            .Message(9, h => h.Message(1, p =>
            {
                p.Fixed64(4, 3).Double(5, 1.5);
                if (packed)
                {
                    p.Bytes(6, ProtoWriter.Build(b => b.RawFixed64(1).RawFixed64(2)).ToArray());
                    p.Bytes(7, ProtoWriter.Build(b => b.RawFixed64(BitConverter.DoubleToUInt64Bits(1.0))).ToArray());
                }
                else
                {
                    p.Fixed64(6, 1).Fixed64(6, 2).Double(7, 1.0);
                }
            })))))).ToArray();

        Render(OtlpSignal.Metrics, Histogram(packed: true)).ShouldBe(Render(OtlpSignal.Metrics, Histogram(packed: false)));
    }

    [Fact]
    public void Decode_ResourceAndScopeAfterTheirRecords_RecordsStillCarryThem()
    {
        var body = ProtoWriter.Build(w => w.Message(1, rl => rl
            .Message(2, sl => sl
                .Message(2, r => r.Varint(2, 9))
                .Message(2, r => r.Varint(2, 13))
                .Message(1, s => s.String(1, "late")))
            .Message(1, r => r.Message(1, kv => kv.String(1, "service.name").Message(2, v => v.String(1, "claude-code")))))).ToArray();

        var logs = OtlpProtobufDecoder.Decode(OtlpSignal.Logs, body).Logs;

        logs.Select(l => l.SeverityNumber).ShouldBe([9, 13]);
        logs.ShouldAllBe(l => l.Resource.Attributes.GetString("service.name") == "claude-code" && l.Scope.Name == "late");
        logs[1].Resource.ShouldBeSameAs(logs[0].Resource);
        logs[1].Scope.ShouldBeSameAs(logs[0].Scope);
    }

    [Fact]
    public void Decode_EmptyIds_AreAbsentOnLogsAndEmptyOnSpans()
    {
        var logs = LogsRequest(r => r.Bytes(9, []).Bytes(10, []));
        var spans = ProtoWriter.Build(w => w.Message(1, rs => rs.Message(2, ss => ss.Message(2, s => s.Bytes(1, []).Bytes(4, []))))).ToArray();

        var log = OtlpProtobufDecoder.Decode(OtlpSignal.Logs, logs).Logs.Single();
        var span = OtlpProtobufDecoder.Decode(OtlpSignal.Traces, spans).Spans.Single();

        (log.TraceId, log.SpanId).ShouldBe((null, null));
        (span.TraceId, span.SpanId, span.ParentSpanId, span.Name).ShouldBe(("", "", null, ""));
    }

    private static string Render(OtlpSignal signal, byte[] body) => OtlpExportText.Render(OtlpProtobufDecoder.Decode(signal, body));

    private static byte[] LogsRequest(Action<ProtoWriter> record) => ProtoWriter.Build(w => w.Message(1, rl => rl
        .Message(1, r => r.Message(1, kv => kv.String(1, "service.name").Message(2, v => v.String(1, "claude-code"))).Varint(2, 0))
        .Message(2, sl => sl
            .Message(1, s => s.String(1, "com.anthropic.claude_code.events").String(2, "2.1.328").Message(3, kv => kv.String(1, "x").Message(2, v => v.Varint(2, 1))))
            .Message(2, record)
            .String(3, "https://opentelemetry.io/schemas/1.0.0"))
        .String(3, "https://opentelemetry.io/schemas/1.0.0"))).ToArray();
}
