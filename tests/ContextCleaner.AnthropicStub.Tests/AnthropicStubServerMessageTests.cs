using System.Net;
using System.Text.Json;
using ContextCleaner.AnthropicStub.Tests.Support;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_Streaming_SendsRealEventSequenceWithFinalUsage()
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        var events = await SseParser.ReadAllAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/event-stream; charset=utf-8");
        events.Select(e => e.Name).ShouldBe(
        [
            "message_start", "ping", "content_block_start",
            "content_block_delta", "content_block_delta", "content_block_delta",
            "content_block_stop", "message_delta", "message_stop",
        ]);
        events.ShouldAllBe(e => e.Data.GetProperty("type").GetString() == e.Name);
        string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => e.Data.GetProperty("delta").GetProperty("text").GetString()))
            .ShouldBe(AnthropicStubDefaults.ReplyText);

        var start = events[0].Data.GetProperty("message");
        start.GetProperty("id").GetString().ShouldStartWith("msg_stub_");
        start.GetProperty("model").GetString().ShouldBe(StubRequests.Model);
        start.GetProperty("usage").GetProperty("output_tokens").GetInt32().ShouldBe(1);
        start.GetProperty("usage").GetProperty("service_tier").GetString().ShouldBe("standard");

        // Hand count: messages dump to 42 characters → 10 input tokens; no system or tools → no cache; the text block
        // {"type": "text", "text": "Hello! How can I help you today?"} is 60 characters → 15 output tokens.
        var delta = events[^2].Data;
        delta.GetProperty("delta").GetProperty("stop_reason").GetString().ShouldBe("end_turn");
        var usage = delta.GetProperty("usage");
        usage.GetProperty("input_tokens").GetInt32().ShouldBe(10);
        usage.GetProperty("cache_creation_input_tokens").GetInt32().ShouldBe(0);
        usage.GetProperty("cache_read_input_tokens").GetInt32().ShouldBe(0);
        usage.GetProperty("output_tokens").GetInt32().ShouldBe(15);

        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.ShouldSatisfyAllConditions(
            () => record.Route.ShouldBe(StubRoute.Messages),
            () => record.Path.ShouldBe("/v1/messages?beta=true"),
            () => record.Stream.ShouldBeTrue(),
            () => record.Fault.ShouldBe(StubFault.Ok),
            () => record.StatusCode.ShouldBe(200),
            () => record.MessageId.ShouldBe(start.GetProperty("id").GetString()),
            () => record.StopReason.ShouldBe("end_turn"),
            () => record.Usage.ShouldBe(new StubUsage(10, 0, 0, 15)));
    }

    [Fact]
    public async Task Messages_NotStreaming_ReturnsMessageJson()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { ReplyText = "Hi there." });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct, path: "/v1/messages");
        var message = await StubRequests.ReadJsonAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        message.GetProperty("type").GetString().ShouldBe("message");
        message.GetProperty("role").GetString().ShouldBe("assistant");
        message.GetProperty("stop_reason").GetString().ShouldBe("end_turn");
        message.GetProperty("stop_sequence").ValueKind.ShouldBe(JsonValueKind.Null);
        var block = message.GetProperty("content").EnumerateArray().ShouldHaveSingleItem();
        block.GetProperty("type").GetString().ShouldBe("text");
        block.GetProperty("text").GetString().ShouldBe("Hi there.");
        var usage = message.GetProperty("usage");
        usage.GetProperty("input_tokens").GetInt32().ShouldBe(10);
        usage.GetProperty("cache_creation").GetProperty("ephemeral_5m_input_tokens").GetInt32().ShouldBe(0);
        // {"type": "text", "text": "Hi there."} is 37 characters → 9 output tokens.
        usage.GetProperty("output_tokens").GetInt32().ShouldBe(9);
        stub.Server.Requests.ShouldHaveSingleItem().Stream.ShouldBeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Messages_RequestIdHeader_MatchesTimelineAndFixtureShape(bool stream)
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream), Ct);
        _ = await response.Content.ReadAsStringAsync(Ct);

        var requestId = response.Headers.GetValues("request-id").ShouldHaveSingleItem();
        requestId.ShouldMatch("^req_stub_[0-9a-f]{24}$");
        stub.Server.Requests.ShouldHaveSingleItem().RequestId.ShouldBe(requestId);
    }

    [Fact]
    public async Task Messages_Timeline_RecordsRequestShapeAndRedactsApiKey()
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await StubRequests.SendAsync(
            stub.Client, StubRequests.Body(stream: true, tools: StubRequests.Tools("Read", "Bash"), model: "claude-haiku-4-5-20251001"), Ct);
        _ = await response.Content.ReadAsStringAsync(Ct);

        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.Model.ShouldBe("claude-haiku-4-5-20251001");
        record.MaxTokens.ShouldBe(32000);
        record.MessageCount.ShouldBe(1);
        record.ToolCount.ShouldBe(2);
        record.Method.ShouldBe("POST");
        record.Headers["anthropic-version"].ShouldBe("2023-06-01");
        record.Headers["x-api-key"].ShouldBe("sk-ant-tes...(redacted)");
        record.CompletedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(record.Time);
    }

    [Fact]
    public async Task Messages_BodyNotJson_Returns400InvalidRequest()
    {
        await using var stub = await StubHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new StringContent("{not json") };

        using var response = await stub.Client.SendAsync(request, Ct);
        var body = await StubRequests.ReadJsonAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("invalid_request_error");
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe("body is not JSON");
        stub.Server.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(400);
    }
}
