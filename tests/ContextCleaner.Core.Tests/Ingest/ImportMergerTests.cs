using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class ImportMergerTests
{
    private static readonly Guid RequestA = new("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid RequestB = new("bbbbbbbb-0000-0000-0000-000000000002");

    [Fact]
    public void Merge_SameEventTwice_KeepsOneAndCountsADuplicate()
    {
        var statistics = new ImportStatistics();

        var batch = Merge(new ImportMerger(storeWasEmpty: false), statistics,
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100), Event(RequestA, "a.jsonl", 500, tokens: 100), Event(RequestB, "a.jsonl", 900, tokens: 5)));

        Kept(batch).Select(e => (e.Id, e.SourceOffset)).ShouldBe([(RequestA, 0L), (RequestB, 900L)], ignoreOrder: true);
        statistics.Duplicates.ShouldBe(1);
    }

    [Fact]
    public void Merge_LaterCopyWithMoreTokens_ReplacesEarlierCopy()
    {
        // Older Claude Code versions wrote partial output_tokens on early streaming lines.
        var statistics = new ImportStatistics();

        var batch = Merge(new ImportMerger(storeWasEmpty: false), statistics,
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100), Event(RequestA, "a.jsonl", 500, tokens: 250)));

        Kept(batch).ShouldHaveSingleItem().SourceOffset.ShouldBe(500);
        statistics.Duplicates.ShouldBe(1);
    }

    [Fact]
    public void Merge_LaterCopyWithFewerTokens_KeepsEarlierCopy()
    {
        var batch = Merge(new ImportMerger(storeWasEmpty: false), new ImportStatistics(),
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 250), Event(RequestA, "a.jsonl", 500, tokens: 100)));

        Kept(batch).ShouldHaveSingleItem().SourceOffset.ShouldBe(0);
    }

    [Fact]
    public void Merge_MainChainCopyAfterSidechainCopy_ReplacesItEvenWithFewerTokens()
    {
        var batch = Merge(new ImportMerger(storeWasEmpty: false), new ImportStatistics(),
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 900, sidechain: true)),
            FileResult("b.jsonl", Event(RequestA, "b.jsonl", 0, tokens: 100)));

        var kept = Kept(batch).ShouldHaveSingleItem();
        kept.SourcePath.ShouldBe("b.jsonl");
        kept.IsSidechain.ShouldBeFalse();
    }

    [Fact]
    public void Merge_SidechainCopyAfterMainChainCopy_KeepsMainChainEvenWithMoreTokens()
    {
        var batch = Merge(new ImportMerger(storeWasEmpty: false), new ImportStatistics(),
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100)),
            FileResult("b.jsonl", Event(RequestA, "b.jsonl", 0, tokens: 900, sidechain: true)));

        Kept(batch).ShouldHaveSingleItem().SourcePath.ShouldBe("a.jsonl");
    }

    [Fact]
    public void Merge_TieInTokensAndChain_FirstSeenWins()
    {
        var statistics = new ImportStatistics();

        var batch = Merge(new ImportMerger(storeWasEmpty: false), statistics,
            FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100)),
            FileResult("b.jsonl", Event(RequestA, "b.jsonl", 0, tokens: 100)),
            FileResult("c.jsonl", Event(RequestA, "c.jsonl", 0, tokens: 100)));

        Kept(batch).ShouldHaveSingleItem().SourcePath.ShouldBe("a.jsonl");
        statistics.Duplicates.ShouldBe(2);
    }

    [Fact]
    public void Merge_DuplicateInLaterBatch_IsNotWrittenAgainUnlessPreferred()
    {
        var merger = new ImportMerger(storeWasEmpty: false);
        var statistics = new ImportStatistics();
        Merge(merger, statistics, FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100), Event(RequestB, "a.jsonl", 10, tokens: 100)));

        var second = Merge(merger, statistics,
            FileResult("b.jsonl", Event(RequestA, "b.jsonl", 0, tokens: 100), Event(RequestB, "b.jsonl", 10, tokens: 300)));

        // A is an equal copy: nothing to write. B has more tokens: written so the store replaces the stored copy.
        var kept = Kept(second).ShouldHaveSingleItem();
        kept.Id.ShouldBe(RequestB);
        kept.SourcePath.ShouldBe("b.jsonl");
        second.NewEvents.ShouldBeEmpty();
        statistics.Duplicates.ShouldBe(2);
    }

    [Fact]
    public void Merge_EmptyStore_MarksFirstSeenEventsNewButReplacementsOfEarlierBatchesNot()
    {
        var merger = new ImportMerger(storeWasEmpty: true);
        var statistics = new ImportStatistics();

        var first = Merge(merger, statistics, FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100)));
        var second = Merge(merger, statistics, FileResult("b.jsonl", Event(RequestA, "b.jsonl", 0, tokens: 300), Event(RequestB, "b.jsonl", 10, tokens: 1)));

        first.NewEvents.Select(e => e.Id).ShouldBe([RequestA]);
        first.Events.ShouldBeEmpty();
        // A is already written by the first batch: its preferred copy must go through the store's duplicate check.
        second.Events.Select(e => (e.Id, e.SourcePath)).ShouldBe([(RequestA, "b.jsonl")]);
        second.NewEvents.Select(e => e.Id).ShouldBe([RequestB]);
    }

    [Fact]
    public void Merge_StoreNotEmpty_MarksNothingNew()
    {
        var batch = Merge(new ImportMerger(storeWasEmpty: false), new ImportStatistics(), FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 100)));

        batch.NewEvents.ShouldBeEmpty();
        batch.Events.ShouldHaveSingleItem().Id.ShouldBe(RequestA);
    }

    [Fact]
    public void Merge_FileResults_AddsTheirCountersProblemsAndCheckpoints()
    {
        var statistics = new ImportStatistics { FilesFound = 2 };
        var problems = new List<ImportProblem>();
        var a = FileResult("a.jsonl", Event(RequestA, "a.jsonl", 0, tokens: 1)) with
        {
            Problems = [new ImportProblem("a.jsonl", 7, "not a JSON object")],
        };
        a.Statistics.MalformedLines = 1;
        a.Statistics.Lines = 3;
        var b = FileResult("b.jsonl") with { Checkpoint = null };
        b.Statistics.Lines = 4;

        var batch = new ImportMerger(storeWasEmpty: false).Merge([a, b], statistics, problems);

        statistics.FilesFound.ShouldBe(2);   // counted while enumerating, not again per result
        statistics.BytesRead.ShouldBe(2_000);
        statistics.Lines.ShouldBe(7);
        statistics.MalformedLines.ShouldBe(1);
        problems.ShouldHaveSingleItem().Offset.ShouldBe(7);
        batch.Checkpoints.Select(c => c.Path).ShouldBe(["a.jsonl"]);
    }

    private static EventBatch Merge(ImportMerger merger, ImportStatistics statistics, params FileImportResult[] results) =>
        merger.Merge(results, statistics, []);

    private static List<TelemetryEvent> Kept(EventBatch batch) => [.. batch.Events, .. batch.NewEvents];

    private static FileImportResult FileResult(string path, params TelemetryEvent[] events) => new(
        new TranscriptFile(path, "p", "s", 1_000, new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc)),
        [.. events],
        new ImportStatistics { BytesRead = 1_000 },     // a worker's counters; files are counted while enumerating
        new FileCheckpoint(path, 1_000, new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc), 1_000, 42, 1_000),
        []);

    private static TelemetryEvent Event(Guid id, string path, long offset, long tokens, bool sidechain = false) => new()
    {
        Id = id,
        Kind = EventKind.ApiRequest,
        Source = EventSource.Transcript,
        TimestampUtc = new DateTime(2025, 10, 1, 9, 30, 0, DateTimeKind.Utc),
        Model = "claude-sonnet-4-5",
        Tokens = new TokenUsage(tokens, 0, 0, 0, 0),
        IsSidechain = sidechain,
        SourcePath = path,
        SourceOffset = offset,
    };
}
