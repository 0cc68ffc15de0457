using System.Text;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

/// <summary>Real transcript lines through <see cref="FileImportWorker"/> (reader, parser, mapper) into canonical events.</summary>
public sealed class TranscriptEventMapperTests : IDisposable
{
    private static readonly PriceTable Prices = PriceTableLoader.Load();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Map_UsageLine_IsApiRequestWithTokensAndComputedCost()
    {
        var result = Import(FixtureLines.S01SonnetUsage);

        var e = result.Events.ShouldHaveSingleItem();
        e.ShouldSatisfyAllConditions(
            () => e.Kind.ShouldBe(EventKind.ApiRequest),
            () => e.Source.ShouldBe(EventSource.Transcript),
            () => e.TimestampUtc.ShouldBe(new DateTime(2026, 11, 25, 23, 36, 24, 745, DateTimeKind.Utc)),
            () => e.TimestampUtc.Kind.ShouldBe(DateTimeKind.Utc),
            () => e.SessionId.ShouldBe("session-1"),
            () => e.Project.ShouldBe("-home-user-project"),
            () => e.Model.ShouldBe("claude-sonnet-4-5-20250929"),
            () => e.Tokens.ShouldBe(new TokenUsage(2_722, 15, 0, 19_123, 0)),
            // Claude Code reported cost_usd 0.08010225 for this very request (s01 OTLP api_request).
            () => e.ComputedCostUsd.ShouldBe(0.08010225m),
            () => e.ReportedCostUsd.ShouldBeNull(),
            () => e.Speed.ShouldBe("standard"),
            () => e.RequestId.ShouldBe("req_stub_7845c35592c74a12ae94f25d"),
            () => e.IsSidechain.ShouldBeFalse(),
            () => e.SourcePath.ShouldBe(result.File.Path),
            () => e.SourceOffset.ShouldBe(0));
        result.Statistics.UsageLines.ShouldBe(1);
    }

    [Fact]
    public void Map_OldLineWithCostUsd_KeepsReportedCostBesideComputedCost()
    {
        var line = FixtureLines.S01SonnetUsage.Replace("\"type\":\"assistant\",", "\"type\":\"assistant\",\"costUSD\":0.0123,", StringComparison.Ordinal);

        var e = Import(line).Events.ShouldHaveSingleItem();

        e.ReportedCostUsd.ShouldBe(0.0123m);
        e.ComputedCostUsd.ShouldBe(0.08010225m);
    }

    [Fact]
    public void Map_UsageLineOfUnknownModel_HasNoComputedCost()
    {
        var line = FixtureLines.S01SonnetUsage.Replace("\"model\":\"claude-sonnet-4-5-20250929\"", "\"model\":\"claude-next-9\"", StringComparison.Ordinal);

        var e = Import(line).Events.ShouldHaveSingleItem();

        e.Kind.ShouldBe(EventKind.ApiRequest);
        e.ComputedCostUsd.ShouldBeNull();
    }

    [Fact]
    public void Map_TwoContentBlocksOfOneResponse_GetTheSameEventId()
    {
        var result = Import(FixtureLines.S17TextBlock, FixtureLines.S17ToolUseBlock);

        result.Events.Count.ShouldBe(2);
        result.Events[0].Id.ShouldBe(result.Events[1].Id);
        result.Events[1].SourceOffset.ShouldBe(Encoding.UTF8.GetByteCount(FixtureLines.S17TextBlock) + 1);
    }

    [Fact]
    public void Map_MessageIdWrittenWithJsonEscape_GetsTheSameIdAsThePlainSpelling()
    {
        // "msg\u005fstub…" is the same JSON string as "msg_stub…": the same request, however it was escaped.
        var escaped = FixtureLines.S01SonnetUsage.Replace("\"id\":\"msg_stub_", "\"id\":\"msg\\u005fstub_", StringComparison.Ordinal);
        escaped.ShouldNotBe(FixtureLines.S01SonnetUsage);

        var result = Import(FixtureLines.S01SonnetUsage, escaped);

        result.Events.Count.ShouldBe(2);
        result.Events[1].Id.ShouldBe(result.Events[0].Id);
    }

    [Fact]
    public void Map_SameMessageWithOtherRequestId_IsAnotherRequest()
    {
        var other = FixtureLines.S01SonnetUsage.Replace("req_stub_7845c35592c74a12ae94f25d", "req_stub_other", StringComparison.Ordinal);

        var result = Import(FixtureLines.S01SonnetUsage, other);

        result.Events[1].Id.ShouldNotBe(result.Events[0].Id);
    }

    [Fact]
    public void Map_SyntheticLineAfter529_IsApiErrorWithStatusAndType()
    {
        var e = Import(FixtureLines.S12Synthetic529).Events.ShouldHaveSingleItem();

        e.ShouldSatisfyAllConditions(
            () => e.Kind.ShouldBe(EventKind.ApiError),
            () => e.StatusCode.ShouldBe(529),
            () => e.ErrorType.ShouldBe("overloaded_error"),
            () => e.ErrorMessage!.ShouldStartWith("API Error: 529 Overloaded."),
            () => e.RequestId.ShouldBe("req_stub_0bfa8f7eb3a64bbaa2e125ed"),
            () => e.Tokens.IsZero.ShouldBeTrue(),
            () => e.ComputedCostUsd.ShouldBeNull(),
            () => e.Attributes.ShouldNotBeNull(),
            () => e.Attributes!["error"].ShouldBe("server_error"),
            () => e.TimestampUtc.ShouldBe(new DateTime(2026, 11, 25, 23, 39, 20, 320, DateTimeKind.Utc)));
    }

    [Fact]
    public void Map_SyntheticLineAfter400_IsApiErrorWithRequestedModel()
    {
        var e = Import(FixtureLines.S11Synthetic400).Events.ShouldHaveSingleItem();

        e.Kind.ShouldBe(EventKind.ApiError);
        e.StatusCode.ShouldBe(400);
        e.ErrorType.ShouldBe("invalid_request_error");
        e.ErrorMessage!.ShouldStartWith("Prompt is too long");
        e.Attributes!["error"].ShouldBe("invalid_request");
    }

    [Fact]
    public void Map_SyntheticLineAfterTimeout_IsApiErrorWithoutStatus()
    {
        var e = Import(FixtureLines.S23SyntheticTimeout).Events.ShouldHaveSingleItem();

        e.Kind.ShouldBe(EventKind.ApiError);
        e.StatusCode.ShouldBeNull();
        e.ErrorType.ShouldBeNull();
        e.ErrorMessage!.ShouldStartWith("Request timed out.");
    }

    [Fact]
    public void Map_SyntheticLinesWithoutStatusFields_TakeStatusAndTypeFromText()
    {
        // Older versions wrote only the text: "API Error: 529 {json}".
        const string line = """{"type":"assistant","uuid":"u-1","timestamp":"2025-10-01T09:30:00.000Z","isApiErrorMessage":true,"message":{"id":"x","model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0},"content":[{"type":"text","text":"API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"}]}}""";

        var e = Import(line).Events.ShouldHaveSingleItem();

        e.Kind.ShouldBe(EventKind.ApiError);
        e.StatusCode.ShouldBe(529);
        e.ErrorType.ShouldBe("overloaded_error");
    }

    [Fact]
    public void Map_SystemRetryLine_IsApiErrorWithAttemptBackoffStatusAndType()
    {
        var result = Import(FixtureLines.S08Retry529);

        var e = result.Events.ShouldHaveSingleItem();
        e.ShouldSatisfyAllConditions(
            () => e.Kind.ShouldBe(EventKind.ApiError),
            () => e.Attempt.ShouldBe(1),
            () => e.RetryInMs.ShouldBe(549),
            () => e.StatusCode.ShouldBe(529),
            () => e.ErrorType.ShouldBe("overloaded_error"),
            () => e.ErrorMessage.ShouldBe("529 Overloaded"),
            () => e.RequestId.ShouldBe("req_stub_ac9660e0d1a24478ab1121e5"),
            () => e.Attributes!["max_retries"].ShouldBe("10"),
            () => e.SessionId.ShouldBe("session-1"));
        result.Statistics.RetryLines.ShouldBe(1);
    }

    [Fact]
    public void Map_ModelFallbackLine_IsModelFallbackToTheNewModel()
    {
        var e = Import(FixtureLines.S25ModelFallback).Events.ShouldHaveSingleItem();

        e.Kind.ShouldBe(EventKind.ModelFallback);
        e.Model.ShouldBe("claude-sonnet-4-5-20250929");
        e.Attributes!["original_model"].ShouldBe("claude-opus-4-1-20250805");
        e.Attributes["trigger"].ShouldBe("overloaded");
    }

    [Fact]
    public void Map_EventLinesWithUuid_GetDistinctIdsThatSurviveAReimport()
    {
        var lines = new[] { FixtureLines.S12Synthetic529, FixtureLines.S08Retry529, FixtureLines.S25ModelFallback };

        var first = Import(lines).Events.Select(e => e.Id).ToList();
        var again = Import(lines).Events.Select(e => e.Id).ToList();

        first.Distinct().Count().ShouldBe(3);
        again.ShouldBe(first);
    }

    [Fact]
    public void Import_LinesWrittenWithSpacesAfterColons_AreReadLikeCompactOnes()
    {
        // The same JSON as Claude Code writes it, but as Python's json.dumps (and many tools) format it by default.
        const string usage = """{"type": "assistant", "timestamp": "2025-10-01T09:30:00.000Z", "requestId": "req_1", "message": {"id": "msg_1", "model": "claude-sonnet-4-5-20250929", "usage": {"input_tokens": 1000, "output_tokens": 100, "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0}}}""";
        const string retry = """{"type": "system", "subtype": "api_error", "timestamp": "2025-10-01T09:29:00.000Z", "uuid": "u-2", "retryAttempt": 1, "retryInMs": 500, "error": {"status": 529, "message": "529 Overloaded"}}""";

        var result = Import(usage, retry);

        result.Events.Select(e => e.Kind).ShouldBe([EventKind.ApiRequest, EventKind.ApiError]);
        // 1,000×3 + 100×15 = 4,500 µ$
        result.Events[0].ComputedCostUsd.ShouldBe(0.0045m);
    }

    [Fact]
    public void Import_MixedFile_CountsEveryLineKindAndKeepsValidRecordsAroundGarbage()
    {
        var lines = new[]
        {
            FixtureLines.S01QueueOperation,
            FixtureLines.S17UserToolResult,
            "this is not json",
            FixtureLines.S01SonnetUsage,
            "",
            """{"type":"assistant","message":{"id":"m","model":"claude-sonnet-4-5","usage":{"input_tokens":1,"output_tokens":1}}}""", // no timestamp
            """{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","message":{"usage":{"input_tokens":"1","output_tokens":1}}}""", // wrong type
            FixtureLines.S08Retry529,
            FixtureLines.S12Synthetic529,
            FixtureLines.S25ModelFallback,
        };

        var result = Import(lines);

        result.Events.Select(e => e.Kind).ShouldBe([EventKind.ApiRequest, EventKind.ApiError, EventKind.ApiError, EventKind.ModelFallback]);
        result.Statistics.ShouldSatisfyAllConditions(
            s => s.Lines.ShouldBe(10),
            s => s.BlankLines.ShouldBe(1),
            s => s.MalformedLines.ShouldBe(1),
            s => s.InvalidLines.ShouldBe(2),
            s => s.UsageLines.ShouldBe(1),
            s => s.RetryLines.ShouldBe(1),
            s => s.ApiErrorLines.ShouldBe(1),
            s => s.OtherEventLines.ShouldBe(1));
        result.Problems.Count.ShouldBe(3);
        result.Checkpoint!.Offset.ShouldBe(new FileInfo(result.File.Path).Length);
    }

    [Fact]
    public void Import_LastLineStillBeingWritten_IsCountedIncompleteAndReadAgainLater()
    {
        var complete = FixtureLines.S01SonnetUsage + "\n";
        var partial = FixtureLines.S12Synthetic529[..200];
        var path = _temp.WriteFile("p/s.jsonl", complete + partial);
        var file = new TranscriptFile(path, "p", "s", new FileInfo(path).Length, File.GetLastWriteTimeUtc(path));

        var result = new FileImportWorker(Prices, 1 << 20, 20).Import(file, null, TestContext.Current.CancellationToken);

        result.Events.Count.ShouldBe(1);
        result.Statistics.IncompleteLines.ShouldBe(1);
        result.Statistics.MalformedLines.ShouldBe(0);
        result.Checkpoint!.Offset.ShouldBe(Encoding.UTF8.GetByteCount(complete));
    }

    [Fact]
    public void Import_FromCheckpointOfAppendedFile_ReadsOnlyTheNewLines()
    {
        var path = _temp.WriteFile("p/s.jsonl", FixtureLines.S01SonnetUsage + "\n");
        var worker = new FileImportWorker(Prices, 1 << 20, 20);
        var ct = TestContext.Current.CancellationToken;
        var first = worker.Import(new TranscriptFile(path, "p", "s", new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)), null, ct);
        File.AppendAllText(path, FixtureLines.S08Retry529 + "\n");

        var second = worker.Import(new TranscriptFile(path, "p", "s", new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)), first.Checkpoint, ct);

        second.Events.ShouldHaveSingleItem().Kind.ShouldBe(EventKind.ApiError);
        second.Statistics.FilesAppended.ShouldBe(1);
        second.Statistics.BytesRead.ShouldBe(Encoding.UTF8.GetByteCount(FixtureLines.S08Retry529) + 1);
    }

    [Fact]
    public void Import_LineWithLoneSurrogateEscape_CountsItAndKeepsTheOtherLines()
    {
        var bad = FixtureLines.S12Synthetic529.Replace("API Error: 529 Overloaded.", "API Error: 529 Overloaded \\ud800.", StringComparison.Ordinal);
        bad.ShouldNotBe(FixtureLines.S12Synthetic529);

        var result = Import(FixtureLines.S01SonnetUsage, bad, FixtureLines.S08Retry529);

        result.Events.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    private FileImportResult Import(params string[] lines)
    {
        var path = _temp.WriteFile($"-home-user-project/{Guid.NewGuid():N}/session-1.jsonl", string.Concat(lines.Select(l => l + "\n")));
        var file = new TranscriptFile(path, "-home-user-project", "session-1", new FileInfo(path).Length, File.GetLastWriteTimeUtc(path));
        return new FileImportWorker(Prices, 1 << 20, 20).Import(file, null, TestContext.Current.CancellationToken);
    }
}
