using ContextCleaner.AnthropicStub;
using ContextCleaner.EndToEnd.Tests.Support;
using Shouldly;

namespace ContextCleaner.EndToEnd.Tests;

/// <summary>
/// One Claude Code run seen twice: over OTLP by <c>telemetry serve</c>, then from its transcript by <c>import</c>.
/// Both copies of the request share its request id; the store keeps one, with the transcript's session and project
/// and Claude Code's cost from OTLP (DuplicatePreference).
/// </summary>
public sealed class TranscriptAndTelemetryTests
{
    [Theory]
    [InlineData("http/json")]
    [InlineData("http/protobuf")]
    public async Task Import_TranscriptOfRunAlreadyExported_SessionCountedOnceWithTranscriptProjectAndReportedCost(string protocol)
    {
        await using var pipeline = await TelemetryPipeline.StartAsync(new AnthropicStubOptions());
        var run = await pipeline.RunClaudeAsync(protocol, ["-p", "say hello", "--model", ClaudeCode.Model]);
        await pipeline.StopServerAsync();
        run.ExitCode.ShouldBe(0, run.Describe());
        var transcript = Transcript.Of(run);
        var usage = pipeline.Stub.Requests.ShouldHaveSingleItem().Usage.ShouldNotBeNull();

        var imported = await pipeline.RunCliAsync("import", "--source", run.ConfigDirectory, "--store", pipeline.Store);
        var report = await pipeline.RunCliAsync("report", "session", "--json", "--no-import", "--store", pipeline.Store);

        imported.ExitCode.ShouldBe(0, imported.Error);
        report.ExitCode.ShouldBe(0, report.Error);
        var session = report.Json().GetProperty("sessions").EnumerateArray().ShouldHaveSingleItem();
        session.GetProperty("sessionId").GetString().ShouldBe(transcript.SessionId);
        session.GetProperty("projectPath").GetString().ShouldBe(transcript.ProjectFolder);
        (session.GetProperty("inputTokens").GetInt64(), session.GetProperty("outputTokens").GetInt64(),
                session.GetProperty("cacheReadTokens").GetInt64(), session.GetProperty("cacheCreationTokens").GetInt64())
            .ShouldBe((usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens, usage.CacheCreationInputTokens));
        session.GetProperty("totalCost").GetDecimal().ShouldBe(transcript.TotalCostUsd, 1e-9m);
        var request = (await pipeline.ReadStoreAsync()).Requests.ShouldHaveSingleItem();
        request.CostReportedUsd.ShouldNotBeNull().ShouldBe(transcript.TotalCostUsd, 1e-9m);
        request.SessionId.ShouldBe(transcript.SessionId);
        request.Project.ShouldBe(transcript.ProjectFolder);
        request.SourceLocation.ShouldNotBeNull().ShouldEndWith(Path.Combine(transcript.ProjectFolder, transcript.SessionId + ".jsonl"));
    }
}
