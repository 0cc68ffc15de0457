using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

/// <summary>
/// The real Claude Code CLI against the stub (install: <c>npm install --prefix artifacts/claude-code
/// @anthropic-ai/claude-code@2.1.328</c>, or set <c>CLAUDE_CODE_BIN</c>); skipped when it is not installed.
/// Expectations are the fixtures' (<c>shared/fixtures/claude-code-2.1.328/runs/*.json</c>).
/// </summary>
public sealed class ClaudeCodeEndToEndTests
{
    private const string Model = "claude-sonnet-4-5-20250929";

    // Generous: the 529,529,ok run waits out two backoffs (~1.7 s in s08); the limit only guards against a hang.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("", "ok", false)]                         // s01
    [InlineData("529,529,ok", "529,529,ok", false)]       // s08
    [InlineData("500,500,ok", "500,500,ok", false)]       // s10
    [InlineData("stream_error,ok", "stream_error,ok", true)] // s16: the broken stream already wrote the cache
    public async Task SayHello_WithFaultScript_RetriesAndPrintsStubReply(string script, string expectedFaults, bool cacheRead)
    {
        var binary = RequireClaude();
        await using var stub = await AnthropicStubServer.StartAsync(
            new AnthropicStubOptions { Faults = StubFaultScript.Parse(script) }, TestContext.Current.CancellationToken);
        using var run = new TempDirectory();

        var result = await RunAsync(binary, stub, run, ["-p", "say hello", "--model", Model]);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.Trim().ShouldBe(AnthropicStubDefaults.ReplyText);
        var requests = stub.Requests;
        requests.Select(r => r.Fault).ShouldBe(StubFaultScript.Parse(expectedFaults).Cast<StubFault?>());
        requests.ShouldAllBe(r => r.Path == "/v1/messages?beta=true" && r.Model == Model && r.Stream && r.IsCompleted);
        var usage = requests[^1].Usage.ShouldNotBeNull();
        (cacheRead ? usage.CacheReadInputTokens : usage.CacheCreationInputTokens).ShouldBeGreaterThan(0);
        // The answered request's id is what Claude Code wrote to the transcript as requestId.
        TranscriptText(result).ShouldContain($"\"requestId\":\"{requests[^1].RequestId}\"");
    }

    [Fact]
    public async Task SayHello_PromptTooLong_ExitsOneWithoutRetry()
    {
        var binary = RequireClaude();
        await using var stub = await AnthropicStubServer.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.PromptTooLong] }, TestContext.Current.CancellationToken);
        using var run = new TempDirectory();

        var result = await RunAsync(binary, stub, run, ["-p", "say hello", "--model", Model]);

        result.ExitCode.ShouldBe(1);
        result.StandardOutput.ShouldContain("Prompt is too long");
        stub.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(400);
    }

    [Fact]
    public async Task SayHello_SlowerThanApiTimeout_ClientGivesUpStubCancelsAndRetrySucceeds()
    {
        // s15: API_TIMEOUT_MS=3000 against a slow answer; the stub must drop the abandoned request, not finish it.
        var binary = RequireClaude();
        await using var stub = await AnthropicStubServer.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Slow, StubFault.Ok], SlowDelay = TimeSpan.FromMinutes(5) },
            TestContext.Current.CancellationToken);
        using var run = new TempDirectory();

        var result = await RunAsync(binary, stub, run, ["-p", "say hello", "--model", Model], new() { ["API_TIMEOUT_MS"] = "3000" });

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.Trim().ShouldBe(AnthropicStubDefaults.ReplyText);
        var requests = stub.Requests;
        requests.Select(r => r.Fault).ShouldBe([StubFault.Slow, StubFault.Ok]);
        requests[0].ClientDisconnected.ShouldBeTrue();
        requests[0].Headers["x-stainless-timeout"].ShouldBe("3");
        requests[1].StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task ReadHello_ScriptedReadTool_RunsToolThenAnswers()
    {
        var binary = RequireClaude();
        using var run = new TempDirectory();
        var file = run.Combine("project", "hello.txt");
        await using var stub = await AnthropicStubServer.StartAsync(
            new AnthropicStubOptions { ToolUses = [new ToolUse("Read", $$"""{"file_path":"{{file}}"}""")] },
            TestContext.Current.CancellationToken);

        var result = await RunAsync(
            binary, stub, run, ["-p", "read hello.txt and tell me what it says", "--model", Model, "--allowedTools", "Read"]);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.Trim().ShouldBe(AnthropicStubDefaults.ReplyText);
        var requests = stub.Requests;
        requests.Select(r => r.StopReason).ShouldBe(["tool_use", "end_turn"]);
        requests.Select(r => r.MessageCount).ShouldBe([1, 3]);
        // Same system prompt and tools on the second call: the stub reports it as a cache read.
        requests[1].Usage.ShouldNotBeNull().CacheReadInputTokens.ShouldBe(requests[0].Usage!.CacheCreationInputTokens);
        TranscriptText(result).ShouldContain("Hello from the fixture file.");
    }

    private static string RequireClaude() => ClaudeCode.RequireBinary();

    private static async Task<ClaudeCodeRun> RunAsync(
        string binary, AnthropicStubServer stub, TempDirectory run, string[] arguments, Dictionary<string, string>? extra = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(RunLimit);
        return await ClaudeCode.RunAsync(binary, stub, run, arguments, extra ?? new Dictionary<string, string>(), limit.Token);
    }

    private static string TranscriptText(ClaudeCodeRun run) => string.Concat(
        Directory.EnumerateFiles(Path.Combine(run.ConfigDirectory, "projects"), "*.jsonl", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
}
