using System.Net;
using System.Text;
using ContextCleaner.Core.Events;
using ContextCleaner.Server.Tests.Support;
using Shouldly;

namespace ContextCleaner.Server.Tests.Otlp;

/// <summary>The receiver over real HTTP with every body Claude Code 2.1.328 sent in the fixtures.</summary>
public sealed class OtlpReceiverTests
{
    public static TheoryData<string> Bodies() => [.. Fixtures.Bodies()];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task PostAsync_EveryFixtureBody_Answers200AndStoresEveryRecord(string body)
    {
        await using var server = await ServerFixture.StartAsync();
        var signal = Fixtures.SignalOf(body);

        using var response = await server.PostAsync(signal, Fixtures.Read(body), Fixtures.ContentTypeOf(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Fixtures.ContentTypeOf(body));
        switch (signal)
        {
            case "logs":
                var expected = Fixtures.Counts(body, "events");
                var stored = await server.QueryAsync("SELECT kind || ':' || coalesce(json_extract_string(attributes, '$.\"event.name\"'), '') FROM all_events");
                stored.Count.ShouldBe(expected.Values.Sum());
                foreach (var (name, count) in expected)
                {
                    stored.Count(k => (string)k! == $"{name}:" || (string)k! == $"other:{name}").ShouldBe(count, name);
                }

                break;
            case "metrics":
                var points = await server.QueryAsync("SELECT count(*) FROM metric_points");
                points.ShouldHaveSingleItem().ShouldBe((long)Fixtures.Counts(body, "metrics").Values.Sum());
                break;
            default:
                var spans = await server.QueryAsync("SELECT count(*) FROM events WHERE json_extract_string(attributes, '$.\"span.name\"') IS NOT NULL");
                spans.ShouldHaveSingleItem().ShouldBe((long)Fixtures.Counts(body, "spans").Values.Sum());
                break;
        }
    }

    [Theory]
    [InlineData("otlp-json/s17-sonnet45-json-tool-read--0001-logs.json")]
    [InlineData("otlp-protobuf/s20-sonnet45-protobuf-tool-read-traces--0003-metrics.pb")]
    [InlineData("otlp-json/s28-sonnet45-json-529-then-ok-traces--0005-traces.json")]
    public async Task PostAsync_SameBatchResent_StoresNothingNew(string body)
    {
        var once = await StoredRowsAfterPostingAsync(body, times: 1);
        var thrice = await StoredRowsAfterPostingAsync(body, times: 3);

        once.ShouldBeGreaterThan(0);
        thrice.ShouldBe(once);
    }

    private static async Task<long> StoredRowsAfterPostingAsync(string body, int times)
    {
        await using var server = await ServerFixture.StartAsync();
        for (var i = 0; i < times; i++)
        {
            (await server.PostAsync(Fixtures.SignalOf(body), Fixtures.Read(body), Fixtures.ContentTypeOf(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return (long)(await server.QueryAsync("SELECT (SELECT count(*) FROM all_events) + (SELECT count(*) FROM metric_points)"))[0]!;
    }

    [Fact]
    public async Task PostAsync_ApiRequest_StoresTheTokensAndCostClaudeCodeReported()
    {
        await using var server = await ServerFixture.StartAsync();

        (await server.PostAsync("logs", Fixtures.Read("otlp-json/s01-sonnet45-json-hello--0001-logs.json"), "application/json"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = await server.QueryAsync("""
            SELECT concat_ws('|', model, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                             cost_reported_usd, cost_computed_usd, request_id, duration_ms, session_id) FROM requests
            """);
        row.ShouldHaveSingleItem().ShouldBe(
            "claude-sonnet-4-5-20250929|2722|15|0|19123|0|0.080102250000|0.080102250000|req_stub_7845c35592c74a12ae94f25d|61|1732c5b9-417b-44b2-a76e-b963335c12f9");
    }

    [Fact]
    public async Task PostAsync_WrongTypedAttributes_ParsesThemLeniently()
    {
        await using var server = await ServerFixture.StartAsync();
        const string body = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1795649836115000000","body":{"stringValue":"claude_code.api_request"},
              "attributes":[{"key":"session.id","value":{"stringValue":"s-1"}},{"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},
                {"key":"input_tokens","value":{"stringValue":"100"}},{"key":"output_tokens","value":{"doubleValue":20}},
                {"key":"cache_read_tokens","value":{"intValue":"30"}},{"key":"cache_creation_tokens","value":{"boolValue":true}},
                {"key":"cost_usd","value":{"stringValue":"0.5"}},{"key":"duration_ms","value":{"stringValue":"not a number"}},
                {"key":"request_id","value":{"intValue":42}}]},
              {"timeUnixNano":"1795649836116000000","body":{"stringValue":"claude_code.tool_result"},
               "attributes":[{"key":"tool_name","value":{"stringValue":"Read"}},{"key":"success","value":{"stringValue":"true"}},
                 {"key":"duration_ms","value":{"stringValue":"12"}}]}]}]}]}
            """;

        (await server.PostAsync("logs", Encoding.UTF8.GetBytes(body), "application/json")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await server.QueryAsync("SELECT concat_ws('|', input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cost_reported_usd, coalesce(duration_ms, -1), request_id) FROM requests"))
            .ShouldHaveSingleItem().ShouldBe("100|20|30|0|0.500000000000|-1|42");
        (await server.QueryAsync("SELECT concat_ws('|', tool_name, tool_success, duration_ms) FROM events WHERE kind = 'tool_result'"))
            .ShouldHaveSingleItem().ShouldBe("Read|true|12");
    }

    [Fact]
    public async Task PostAsync_RecordWithoutEventName_AnswersPartialSuccessAndStoresTheRest()
    {
        await using var server = await ServerFixture.StartAsync();
        const string body = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[
              {"timeUnixNano":"1795649836115000000","body":{"stringValue":"something else"}},
              {"timeUnixNano":"1795649836116000000","body":{"stringValue":"claude_code.user_prompt"},"attributes":[{"key":"session.id","value":{"stringValue":"s-1"}}]}]}]}]}
            """;

        using var response = await server.PostAsync("logs", Encoding.UTF8.GetBytes(body), "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        answer.ShouldContain("\"rejectedLogRecords\":\"1\"");
        answer.ShouldContain("without an event name");
        (await server.CountsAsync()).ShouldBe(new Dictionary<EventKind, long> { [EventKind.ApiRequest] = 0, [EventKind.UserPrompt] = 1 });
    }
}
