using System.Text;
using ContextCleaner.Core.Ingest.Otlp;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>Values read from real bodies, and the OTLP/JSON leniency rules (bad input: OtlpJsonDecoderTests.BadInput.cs).</summary>
public sealed partial class OtlpJsonDecoderTests
{
    private const string S01Logs = "otlp-json/s01-sonnet45-json-hello--0001-logs.json";
    private const string S01Metrics = "otlp-json/s01-sonnet45-json-hello--0002-metrics.json";
    private const string S21Logs = "otlp-json/s21-sonnet45-json-tool-read-traces--0002-logs.json";
    private const string S28Traces = "otlp-json/s28-sonnet45-json-529-then-ok-traces--0005-traces.json";
    private const string S29Traces = "otlp-json/s29-sonnet45-json-500-always-max-retries-2-traces--0005-traces.json";

    /// <summary>A log record with the value kinds Claude Code sends, in the shape of its exporter.</summary>
    private const string OneLog = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}]},
        "scopeLogs":[{"scope":{"name":"com.anthropic.claude_code.events","version":"2.1.328"},"logRecords":[
        {"timeUnixNano":"1795649784761000000","observedTimeUnixNano":"1795649784761000000","body":{"stringValue":"claude_code.api_request"},
        "traceId":"9D2838DD407AE6E7B309008088350701","spanId":"46fcd1678ed5545c","attributes":[
        {"key":"input_tokens","value":{"intValue":2722}},{"key":"cost_usd","value":{"doubleValue":0.08010225}},
        {"key":"prompt_length","value":{"stringValue":"9"}},{"key":"has_hooks","value":{"boolValue":true}},
        {"key":"sources","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"2"}]}}},
        {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":1.5}}]}}},
        {"key":"raw","value":{"bytesValue":"AAEC/w=="}},{"key":"nothing","value":{}}]}]}]}]}
        """;

    [Fact]
    public void Decode_ApiRequest_ReadsTokensCostAndModel()
    {
        var export = OtlpFixtures.Decode(S01Logs);

        var apiRequest = export.Logs.Single(l => l.Body.StringValue == "claude_code.api_request");
        apiRequest.Attributes.Find("input_tokens").ShouldSatisfyAllConditions(
            v => v.ShouldNotBeNull().Kind.ShouldBe(OtlpValueKind.IntValue),
            v => v!.IntValue.ShouldBe(2722));
        apiRequest.Attributes.Find("cost_usd").ShouldSatisfyAllConditions(
            v => v.ShouldNotBeNull().Kind.ShouldBe(OtlpValueKind.DoubleValue),
            v => v!.DoubleValue.ShouldBe(0.08010225));     // Sonnet 4.5 list price: 2722 in, 15 out, 19123 written (5 min)
        apiRequest.Attributes.GetString("model").ShouldBe("claude-sonnet-4-5-20250929");
        apiRequest.TimeUnixNano.ShouldBe(1795649784761000000UL);
        apiRequest.ObservedTimeUnixNano.ShouldBe(1795649784761000000UL);
        apiRequest.TraceId.ShouldBeNull();
        apiRequest.EventName.ShouldBeNull();      // Claude Code does not set LogRecord.event_name
    }

    [Fact]
    public void Decode_UserPrompt_KeepsPromptLengthAsTheStringSent()
    {
        var userPrompt = OtlpFixtures.Decode(S01Logs).Logs.Single(l => l.Body.StringValue == "claude_code.user_prompt");

        var promptLength = userPrompt.Attributes.Find("prompt_length").ShouldNotBeNull();
        promptLength.Kind.ShouldBe(OtlpValueKind.StringValue);
        promptLength.StringValue.ShouldBe("9");
        userPrompt.Attributes.GetLong("prompt_length").ShouldBe(9);
    }

    [Fact]
    public void Decode_LogsWithTracing_TraceAndSpanIdsAreLowercaseHex()
    {
        var logs = OtlpFixtures.Decode(S21Logs).Logs;

        var traced = logs.Where(l => l.TraceId is not null).ToList();
        traced.ShouldNotBeEmpty();
        traced.ShouldAllBe(l => l.TraceId!.Length == 32 && l.SpanId!.Length == 16);
        traced.ShouldAllBe(l => l.TraceId!.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));
        logs.Single(l => l.Body.StringValue == "claude_code.managed_settings_resolved").SpanId.ShouldBeNull();
    }

    [Fact]
    public void Decode_Metrics_AreDeltaSumsWithDoubleValues()
    {
        var metrics = OtlpFixtures.Decode(S01Metrics).Metrics;

        metrics.ShouldAllBe(m => m.Type == OtlpMetricType.Sum && m.Temporality == OtlpTemporality.Delta && m.IsMonotonic);
        var cost = metrics.Single(m => m.Name == "claude_code.cost.usage");
        cost.Unit.ShouldBe("USD");
        cost.Points.Single().Value.ShouldBe(0.08010225);
        cost.Points.Single().Count.ShouldBeNull();
        var tokens = metrics.Single(m => m.Name == "claude_code.token.usage");
        tokens.Points.Select(p => (p.Attributes.GetString("type"), p.Value))
            .ShouldBe([("input", 2722d), ("output", 15d), ("cacheRead", 0d), ("cacheCreation", 19123d)]);
        metrics.Single(m => m.Name == "claude_code.session.count").Unit.ShouldBeNull();     // sent as "" (see OtlpExportBuilder.Text)
    }

    [Fact]
    public void Decode_S28Traces_LlmRequestHasOneAttemptEventPerHttpAttempt()
    {
        var spans = OtlpFixtures.Decode(S28Traces).Spans;

        var llmRequest = spans.Single(s => s.Name == "claude_code.llm_request");
        llmRequest.Events.Select(e => e.Name).ShouldAllBe(n => n == "gen_ai.request.attempt");
        llmRequest.Events.Select(e => e.Attributes.GetLong("attempt")).ShouldBe([1L, 2L, 3L]);
        llmRequest.Events.Select(e => e.TimeUnixNano).ShouldBeInOrder();
        var interaction = spans.Single(s => s.Name == "claude_code.interaction");
        llmRequest.ParentSpanId.ShouldBe(interaction.SpanId);
        llmRequest.TraceId.ShouldBe("1064a69c0b9689efaaa403ea77531244");
        interaction.ParentSpanId.ShouldBeNull();
        interaction.Kind.ShouldBe(1);
    }

    [Fact]
    public void Decode_S29Traces_FailedRequestHasErrorStatusAndMessage()
    {
        var llmRequest = OtlpFixtures.Decode(S29Traces).Spans.Single(s => s.Name == "claude_code.llm_request");

        llmRequest.StatusCode.ShouldBe(2);
        llmRequest.StatusMessage.ShouldBe("Internal server error");
        llmRequest.Attributes.GetString("error_class").ShouldBe("server_error");
    }

    [Fact]
    public void Decode_EveryValueKind_ReadsEachAsSent()
    {
        var log = Decode(OneLog).Logs.Single();

        log.TraceId.ShouldBe("9d2838dd407ae6e7b309008088350701");
        log.Attributes.Select(a => a.Value.Kind).ShouldBe(
        [
            OtlpValueKind.IntValue, OtlpValueKind.DoubleValue, OtlpValueKind.StringValue, OtlpValueKind.BoolValue,
            OtlpValueKind.ArrayValue, OtlpValueKind.KeyValueListValue, OtlpValueKind.BytesValue, OtlpValueKind.Empty,
        ]);
        log.Attributes.GetString("sources").ShouldBe("""["a",2]""");
        log.Attributes.GetString("map").ShouldBe("""{"k":1.5}""");
        log.Attributes.Find("raw")!.BytesValue.ShouldBe(new byte[] { 0, 1, 2, 255 });
    }

    [Theory]
    [InlineData("\"intValue\":2722", "\"intValue\":\"2722\"")]
    [InlineData("\"timeUnixNano\":\"1795649784761000000\"", "\"timeUnixNano\":1795649784761000000")]
    [InlineData("\"intValue\":2722", "\"intValue\":2722.0")]
    [InlineData("\"intValue\":2722", "\"intValue\":\"2.722e3\"")]
    [InlineData("\"doubleValue\":0.08010225", "\"doubleValue\":\"0.08010225\"")]
    [InlineData("\"doubleValue\":1.5", "\"doubleValue\":\"1.5\"")]
    [InlineData("\"stringValue\":\"claude_code.api_request\"", "\"stringValue\":\"claude_code.api_\\u0072equest\"")]
    [InlineData("\"traceId\":\"9D2838DD407AE6E7B309008088350701\"", "\"traceId\":\"9d2838dd407ae6e7b309008088350701\"")]
    [InlineData("\"bytesValue\":\"AAEC/w==\"", "\"bytesValue\":\"AAEC_w\"")]       // URL-safe, unpadded
    [InlineData("{\"resourceLogs\"", " \r\n\t{\"resourceLogs\"")]
    public void Decode_SameDataWrittenDifferently_DecodesTheSame(string original, string variant)
    {
        var changed = OneLog.Replace(original, variant, StringComparison.Ordinal);
        changed.ShouldNotBe(OneLog);

        Render(changed).ShouldBe(Render(OneLog));
    }

    [Fact]
    public void Decode_SnakeCaseKeys_ReadLikeLowerCamelCase()
    {
        var snake = OneLog
            .Replace("resourceLogs", "resource_logs", StringComparison.Ordinal)
            .Replace("scopeLogs", "scope_logs", StringComparison.Ordinal)
            .Replace("logRecords", "log_records", StringComparison.Ordinal)
            .Replace("observedTimeUnixNano", "observed_time_unix_nano", StringComparison.Ordinal)
            .Replace("timeUnixNano", "time_unix_nano", StringComparison.Ordinal)
            .Replace("traceId", "trace_id", StringComparison.Ordinal)
            .Replace("stringValue", "string_value", StringComparison.Ordinal)
            .Replace("intValue", "int_value", StringComparison.Ordinal)
            .Replace("arrayValue", "array_value", StringComparison.Ordinal)
            .Replace("kvlistValue", "kvlist_value", StringComparison.Ordinal);

        Render(snake).ShouldBe(Render(OneLog));
    }

    [Fact]
    public void Decode_UnknownFieldsEverywhere_AreIgnored()
    {
        const string Unknown = "\"x_future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},";
        var withUnknown = OneLog
            .Replace("{\"resourceLogs\"", "{" + Unknown + "\"resourceLogs\"", StringComparison.Ordinal)
            .Replace("{\"resource\"", "{" + Unknown + "\"resource\"", StringComparison.Ordinal)
            .Replace("{\"scope\"", "{" + Unknown + "\"scope\"", StringComparison.Ordinal)
            .Replace("{\"timeUnixNano\"", "{" + Unknown + "\"timeUnixNano\"", StringComparison.Ordinal)
            .Replace("{\"key\"", "{" + Unknown + "\"key\"", StringComparison.Ordinal)
            .Replace("{\"intValue\"", "{" + Unknown + "\"intValue\"", StringComparison.Ordinal);

        Render(withUnknown).ShouldBe(Render(OneLog));
    }

    [Theory]
    [InlineData(OtlpSignal.Logs)]
    [InlineData(OtlpSignal.Metrics)]
    [InlineData(OtlpSignal.Traces)]
    public void Decode_EmptyObject_IsAnEmptyExport(OtlpSignal signal)
    {
        var export = OtlpJsonDecoder.Decode(signal, "{}"u8);

        export.Signal.ShouldBe(signal);
        export.RecordCount.ShouldBe(0);
        (export.Logs.Count + export.Metrics.Count + export.Spans.Count).ShouldBe(0);
    }

    [Fact]
    public void Decode_NullValues_AreAbsent()
    {
        const string Json = """
            {"resourceLogs":[null,{"resource":null,"scopeLogs":[{"scope":null,"logRecords":[null,{"timeUnixNano":null,"body":null,
            "traceId":null,"severityText":null,"attributes":[null,{"key":"a","value":null},{"key":"b","value":{"intValue":null}}]}]}]}]}
            """;

        var log = Decode(Json).Logs.Single();

        log.Resource.ShouldBeSameAs(OtlpResource.None);
        log.Scope.ShouldBeSameAs(OtlpScope.None);
        log.TimeUnixNano.ShouldBe(0UL);
        log.Body.ShouldBeSameAs(OtlpValue.Empty);
        log.TraceId.ShouldBeNull();
        log.Attributes.Select(a => (a.Key, a.Value.Kind)).ShouldBe([("a", OtlpValueKind.Empty), ("b", OtlpValueKind.Empty)]);
    }

    [Theory]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    [InlineData("-0.0", -0.0)]
    [InlineData("1e-300", 1e-300)]
    public void Decode_SpecialDoubles_AreRead(string json, double expected)
    {
        var log = Decode(OneLog.Replace("\"doubleValue\":0.08010225", "\"doubleValue\":" + json, StringComparison.Ordinal)).Logs.Single();

        BitConverter.DoubleToInt64Bits(log.Attributes.Find("cost_usd")!.DoubleValue).ShouldBe(BitConverter.DoubleToInt64Bits(expected));
    }

    [Fact]
    public void Decode_EmptyIds_AreAbsentOnLogsAndEmptyOnSpans()
    {
        const string Logs = """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"","spanId":""}]}]}]}""";
        const string Spans = """{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"","spanId":"","parentSpanId":""}]}]}]}""";

        var log = Decode(Logs).Logs.Single();
        var span = OtlpJsonDecoder.Decode(OtlpSignal.Traces, Encoding.UTF8.GetBytes(Spans)).Spans.Single();

        (log.TraceId, log.SpanId).ShouldBe((null, null));
        (span.TraceId, span.SpanId, span.ParentSpanId).ShouldBe(("", "", null));
    }

    [Fact]
    public void Decode_ResourceAndScopeAfterTheirRecords_RecordsStillCarryThem()
    {
        const string Json = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":9},{"severityNumber":13}],"scope":{"name":"late"}}],
            "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}]}}]}
            """;

        var logs = Decode(Json).Logs;

        logs.Select(l => l.SeverityNumber).ShouldBe([9, 13]);
        logs.ShouldAllBe(l => l.Resource.Attributes.GetString("service.name") == "claude-code" && l.Scope.Name == "late");
        logs[1].Resource.ShouldBeSameAs(logs[0].Resource);
        logs[1].Scope.ShouldBeSameAs(logs[0].Scope);
    }

    [Fact]
    public void Decode_LoneSurrogateEscape_BecomesReplacementCharacter()
    {
        // JSON.stringify("…\ud83d") — a prompt cut in the middle of an emoji — is valid JSON a whole batch hangs on.
        var log = Decode(OneLog.Replace("\"stringValue\":\"9\"", "\"stringValue\":\"9\\ud83d\\n\\u00e9\\ud83d\\ude00\"", StringComparison.Ordinal)).Logs.Single();

        log.Attributes.GetString("prompt_length").ShouldBe("9\uFFFD\né😀");
    }

    [Fact]
    public void Decode_TwoResourceGroups_KeepWireOrderAndTheirOwnResource()
    {
        const string Json = """
            {"resourceLogs":[
            {"resource":{"attributes":[{"key":"r","value":{"intValue":1}}]},"scopeLogs":[{"scope":{"name":"a"},"logRecords":[{"severityNumber":1}]},{"scope":{"name":"a"},"logRecords":[{"severityNumber":2}]}]},
            {"resource":{"attributes":[{"key":"r","value":{"intValue":2}}]},"scopeLogs":[{"logRecords":[{"severityNumber":3}]}]}]}
            """;

        var logs = Decode(Json).Logs;

        logs.Select(l => (l.SeverityNumber, l.Resource.Attributes.GetLong("r"))).ShouldBe([(1, 1L), (2, 1L), (3, 2L)]);
        logs[1].Resource.ShouldBeSameAs(logs[0].Resource);
        logs[1].Scope.ShouldNotBeSameAs(logs[0].Scope);    // equal, but each ScopeLogs has its own
        logs[2].Scope.ShouldBeSameAs(OtlpScope.None);
    }

    private static OtlpExport Decode(string json) => OtlpJsonDecoder.Decode(OtlpSignal.Logs, Encoding.UTF8.GetBytes(json));

    private static string Render(string json) => OtlpExportText.Render(Decode(json));
}
