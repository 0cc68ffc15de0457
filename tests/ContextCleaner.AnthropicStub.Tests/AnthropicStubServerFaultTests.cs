using System.Net;
using ContextCleaner.AnthropicStub.Tests.Support;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StubFault.Overloaded, 529, "overloaded_error", "Overloaded")]
    [InlineData(StubFault.RateLimit, 429, "rate_limit_error", "This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits.")]
    [InlineData(StubFault.ServerError, 500, "api_error", "Internal server error")]
    [InlineData(StubFault.PromptTooLong, 400, "invalid_request_error", "prompt is too long: 212345 tokens > 200000 maximum")]
    public async Task Messages_ScriptedErrorFault_ReturnsApiErrorShape(StubFault fault, int status, string type, string message)
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = [fault] });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        var body = await StubRequests.ReadJsonAsync(response, Ct);

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        body.GetProperty("type").GetString().ShouldBe("error");
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe(type);
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe(message);
        var requestId = response.Headers.GetValues("request-id").ShouldHaveSingleItem();
        body.GetProperty("request_id").GetString().ShouldBe(requestId);
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.ShouldSatisfyAllConditions(
            () => record.Fault.ShouldBe(fault),
            () => record.StatusCode.ShouldBe(status),
            () => record.RequestId.ShouldBe(requestId),
            () => record.Usage.ShouldBeNull());
    }

    [Fact]
    public async Task Messages_RateLimit_SendsRetryAfterAndRateLimitHeaders()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = [StubFault.RateLimit], RetryAfterSeconds = 2 });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);

        response.Headers.GetValues("retry-after").ShouldHaveSingleItem().ShouldBe("2");
        response.Headers.GetValues("anthropic-ratelimit-requests-limit").ShouldHaveSingleItem().ShouldBe("50");
        response.Headers.GetValues("anthropic-ratelimit-requests-remaining").ShouldHaveSingleItem().ShouldBe("0");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public async Task Messages_Overloaded_SendsRetryAfterOnlyWhenConfigured(int? seconds)
    {
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Overloaded], OverloadedRetryAfterSeconds = seconds });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);

        response.Headers.TryGetValues("retry-after", out var values).ShouldBe(seconds is not null);
        if (seconds is not null)
        {
            values!.ShouldHaveSingleItem().ShouldBe(seconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Messages_StreamError_Sends200StreamThatEndsWithOverloadedErrorEvent()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = [StubFault.StreamError] });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        var events = await SseParser.ReadAllAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        events.Select(e => e.Name).ShouldBe(["message_start", "error"]);
        var error = events[1].Data.GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("overloaded_error");
        error.GetProperty("message").GetString().ShouldBe("Overloaded");
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.Fault.ShouldBe(StubFault.StreamError);
        record.StatusCode.ShouldBe(200);
        record.StopReason.ShouldBeNull();
    }

    [Fact]
    public async Task Messages_StreamErrorOnNonStreamingRequest_AnswersNormallyAsFixtureS24()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = [StubFault.StreamError] });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct);
        var message = await StubRequests.ReadJsonAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        message.GetProperty("stop_reason").GetString().ShouldBe("end_turn");
    }

    [Fact]
    public async Task Messages_FaultScript_ConsumedInOrderThenOk()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = StubFaultScript.Parse("529,429,500,ok") });

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct);
            statuses.Add((int)response.StatusCode);
        }

        statuses.ShouldBe([529, 429, 500, 200, 200]);
        stub.Server.Requests.Select(r => r.Fault).ShouldBe(
            [StubFault.Overloaded, StubFault.RateLimit, StubFault.ServerError, StubFault.Ok, StubFault.Ok]);
    }

    [Theory]
    [InlineData(StubFault.Overloaded, 529)]
    [InlineData(StubFault.RateLimit, 429)]
    [InlineData(StubFault.ServerError, 500)]
    [InlineData(StubFault.PromptTooLong, 400)]
    public async Task Messages_AlwaysRateAfterScript_FaultsEveryLaterRequest(StubFault fault, int status)
    {
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Ok], FaultRates = StubFaultRates.Always(fault) });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
            _ = await response.Content.ReadAsStringAsync(Ct);
            statuses.Add((int)response.StatusCode);
        }

        statuses.ShouldBe([200, status, status, status]);
    }

    [Fact]
    public async Task Messages_SeededRates_SameSeedSameFaults()
    {
        var options = new AnthropicStubOptions { FaultRates = new StubFaultRates(Overloaded: 0.3, ServerError: 0.3), Seed = 7 };

        async Task<List<StubFault?>> RunAsync()
        {
            await using var stub = await StubHarness.StartAsync(options);
            for (var i = 0; i < 12; i++)
            {
                using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct);
            }

            return [.. stub.Server.Requests.Select(r => r.Fault)];
        }

        var first = await RunAsync();
        var second = await RunAsync();

        second.ShouldBe(first);
        first.ShouldContain(StubFault.Ok);
        first.ShouldContain(f => f != StubFault.Ok);
    }

    [Fact]
    public async Task Messages_FaultyModel_OtherModelsSucceedAndLeaveScriptAlone()
    {
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Overloaded], FaultyModel = "opus" });

        using var sonnet = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct);
        using var opus = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false, model: "claude-opus-4-1-20250805"), Ct);

        sonnet.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((int)opus.StatusCode).ShouldBe(529);
    }

    [Fact]
    public async Task Messages_AboveMaxInputTokens_Returns400WithEstimate()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { MaxInputTokens = 5 });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        var body = await StubRequests.ReadJsonAsync(response, Ct);

        // {"system": null, "messages": [{"role": "user", "content": "say hello"}], "tools": null}: 87 characters → 21.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe("prompt is too long: 21 tokens > 5 maximum");
        stub.Server.Requests.ShouldHaveSingleItem().Fault.ShouldBe(StubFault.PromptTooLong);
    }
}
