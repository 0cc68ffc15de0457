using System.Globalization;
using System.Text.RegularExpressions;
using ContextCleaner.AnthropicStub;
using ContextCleaner.EndToEnd.Tests.Support;
using Shouldly;

namespace ContextCleaner.EndToEnd.Tests;

/// <summary>
/// <c>telemetry serve --token</c> with Claude Code sending the <c>OTEL_EXPORTER_OTLP_HEADERS</c> line of
/// <c>--print-env --token</c>: the matching token gets data in, another one is refused with 401 and stores nothing.
/// </summary>
public sealed partial class BearerTokenTests
{
    private const string ClaudeCodeToken = "s3cret";
    private static readonly string[] SayHello = ["-p", "say hello", "--model", ClaudeCode.Model];

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task Serve_TokenFromPrintEnv_StoresClaudeCodeRequest(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions(), "--token", ClaudeCodeToken);

        var run = await pipeline.RunClaudeAsync(protocol, SayHello, token: ClaudeCodeToken);
        var stopped = await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(0, run.Describe());
        var (requests, answers) = Answers(stopped);
        answers.ShouldBe($"200: {requests}", "every request accepted");
        var request = (await pipeline.ReadStoreAsync()).Requests.ShouldHaveSingleItem();
        request.RequestId.ShouldBe(pipeline.Stub.Requests.ShouldHaveSingleItem().RequestId);
    }

    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task Serve_OtherTokenThanClaudeCodeSends_Answers401AndStoresNothing(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions(), "--token", "not-" + ClaudeCodeToken);

        var run = await pipeline.RunClaudeAsync(protocol, SayHello, token: ClaudeCodeToken);
        var stopped = await pipeline.StopServerAsync();

        run.ExitCode.ShouldBe(0, run.Describe());     // a refused export does not fail the session
        var (requests, answers) = Answers(stopped);
        answers.ShouldBe($"401: {requests}", "every request refused");
        var store = await pipeline.ReadStoreAsync();
        store.Requests.ShouldBeEmpty();
        store.Events.ShouldBeEmpty();
        store.MetricPoints.ShouldBe(0);
    }

    // The server's last line: "stopped: 2 requests (200: 1, 401: 1), …" — requests and the answers by status.
    private static (string Requests, string Answers) Answers(string serverError)
    {
        var stopped = StoppedLine().Match(serverError);
        stopped.Success.ShouldBeTrue(serverError);
        var requests = stopped.Groups["requests"].Value;
        int.Parse(requests, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, "Claude Code exported nothing");
        return (requests, stopped.Groups["answers"].Value);
    }

    [GeneratedRegex(@"stopped: (?<requests>[0-9]+) requests \((?<answers>[^)]*)\)")]
    private static partial Regex StoppedLine();
}
