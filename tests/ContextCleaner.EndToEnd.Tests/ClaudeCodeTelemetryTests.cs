using ContextCleaner.AnthropicStub;
using ContextCleaner.EndToEnd.Tests.Support;
using Shouldly;

namespace ContextCleaner.EndToEnd.Tests;

/// <summary>
/// The real Claude Code CLI against the Anthropic stub, its OTLP export pointed at <c>telemetry serve</c> with the
/// variables <c>--print-env</c> prints; the store is read after a graceful stop. Expected numbers come from the stub
/// (the usage it returned) and from Claude Code itself (the transcript's <c>cost-state</c>), never from our code.
/// Skipped when Claude Code is not installed (<c>npm install --prefix artifacts/claude-code @anthropic-ai/claude-code@2.1.328</c>).
/// </summary>
public sealed class ClaudeCodeTelemetryTests
{
    private static readonly string[] SayHello = ["-p", "say hello", "--model", ClaudeCode.Model];

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task SayHello_ExportedToServe_StoresOneRequestWithStubUsageAndClaudeCodesCost(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions());

        var run = await pipeline.RunClaudeAsync(protocol, SayHello);
        await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(0, run.Describe());
        var answered = pipeline.Stub.Requests.ShouldHaveSingleItem();
        var usage = answered.Usage.ShouldNotBeNull();
        var transcript = Transcript.Of(run);
        var store = await pipeline.ReadStoreAsync();
        var request = store.Requests.ShouldHaveSingleItem();
        request.SessionId.ShouldBe(transcript.SessionId);
        request.Model.ShouldBe(ClaudeCode.Model);
        request.RequestId.ShouldBe(answered.RequestId);
        (request.InputTokens, request.OutputTokens, request.CacheReadTokens, request.CacheWrite5mTokens, request.CacheWrite1hTokens)
            .ShouldBe((usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens, usage.CacheCreationInputTokens, 0L));
        // Claude Code's own figure (cost-state totalCostUSD): what it sent as cost_usd, and what our price table computes.
        request.CostReportedUsd.ShouldNotBeNull().ShouldBe(transcript.TotalCostUsd, 1e-9m);
        request.CostComputedUsd.ShouldNotBeNull().ShouldBe(transcript.TotalCostUsd, 1e-9m);
        store.EventsOf("user_prompt").ShouldHaveSingleItem();
        store.EventsOf("assistant_response").ShouldHaveSingleItem().RequestId.ShouldBe(answered.RequestId);
        store.TokenUsageDeltas.ShouldBe(new Dictionary<string, double>
        {
            ["input"] = usage.InputTokens,
            ["output"] = usage.OutputTokens,
            ["cacheRead"] = usage.CacheReadInputTokens,
            ["cacheCreation"] = usage.CacheCreationInputTokens,
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task SayHello_AlwaysOverloadedWithTwoRetries_StoresFinalErrorAndRetriesExhaustedButNoRequest(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions { FaultRates = StubFaultRates.Always(StubFault.Overloaded) });

        // s22: CLAUDE_CODE_MAX_RETRIES=2 → 3 attempts, ~1.8 s instead of the default ladder's ~3 min.
        var run = await pipeline.RunClaudeAsync(protocol, SayHello, new Dictionary<string, string> { ["CLAUDE_CODE_MAX_RETRIES"] = "2" });
        await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(1, run.Describe());
        pipeline.Stub.Requests.Select(r => r.StatusCode).ShouldBe([529, 529, 529]);
        var store = await pipeline.ReadStoreAsync();
        store.Requests.ShouldBeEmpty();
        var error = store.EventsOf("api_error").ShouldHaveSingleItem();
        (error.Attempt, error.StatusCode, error.ErrorMessage).ShouldBe((3, 529, "Overloaded"));
        var exhausted = store.EventsOf("api_retries_exhausted").ShouldHaveSingleItem();
        (exhausted.Attempt, exhausted.StatusCode).ShouldBe((3, 529));     // attempt = total_attempts
    }

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task ReadHello_ReadToolAllowed_StoresDecisionResultAndTwoRequests(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(folder => new AnthropicStubOptions
        {
            ToolUses = [new ToolUse("Read", $$"""{"file_path":"{{folder.Combine("project", "hello.txt")}}"}""")],
        });

        var run = await pipeline.RunClaudeAsync(
            protocol, ["-p", "read hello.txt and tell me what it says", "--model", ClaudeCode.Model, "--allowedTools", "Read"]);
        await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(0, run.Describe());
        var answered = pipeline.Stub.Requests;
        answered.Select(r => r.StopReason).ShouldBe(["tool_use", "end_turn"]);
        var store = await pipeline.ReadStoreAsync();
        store.Requests.Select(r => r.RequestId).ShouldBe(answered.Select(r => r.RequestId));
        var decision = store.EventsOf("tool_decision").ShouldHaveSingleItem();
        decision.ToolName.ShouldBe("Read");
        decision.Attribute("decision").ShouldBe("accept");
        var result = store.EventsOf("tool_result").ShouldHaveSingleItem();
        (result.ToolName, result.ToolSuccess).ShouldBe(("Read", (bool?)true));
    }

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task SayHello_TwoOverloadsThenOkWithTraces_StoresRetriedAttemptsAsErrors(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions { Faults = StubFaultScript.Parse("529,529,ok") });

        // s28: logs and metrics show only the final api_request; the llm_request span has one event per attempt.
        var run = await pipeline.RunClaudeAsync(protocol, SayHello, traces: true);
        await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(0, run.Describe());
        var answered = pipeline.Stub.Requests;
        answered.Select(r => r.StatusCode).ShouldBe([529, 529, 200]);
        var store = await pipeline.ReadStoreAsync();
        store.Requests.ShouldHaveSingleItem().RequestId.ShouldBe(answered[^1].RequestId);
        store.Events.ShouldContain(e => e.Kind == "other" && e.Attribute("span.name") == "claude_code.llm_request");
        var retried = store.EventsOf("api_error");
        retried.Select(e => e.Attempt).ShouldBe([1, 2]);
        retried.ShouldAllBe(e => e.Attribute("source")!.Contains("attempt retried"));
        store.EventsOf("api_retries_exhausted").ShouldBeEmpty();
    }
}
