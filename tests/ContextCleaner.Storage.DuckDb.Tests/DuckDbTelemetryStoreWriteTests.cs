using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

public sealed class DuckDbTelemetryStoreWriteTests
{
    private static readonly TokenUsage Small = new(Input: 1000, Output: 100, CacheRead: 0, CacheWrite5m: 0, CacheWrite1h: 0);
    private static readonly TokenUsage Large = new(Input: 1000, Output: 300, CacheRead: 5000, CacheWrite5m: 0, CacheWrite1h: 0);

    private static List<TelemetryEvent> Mixed() =>
    [
        TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m),
        TestEvents.Request("r2", TestEvents.At(3, 11), Small, 0.0045m, session: "s2"),
        TestEvents.Request("r3", TestEvents.At(4, 9), Large, 0.009m, project: "p2"),
        TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10), attempt: 1),
        TestEvents.Other("e2", EventKind.ApiError, TestEvents.At(3, 10, 1), attempt: 2),
        TestEvents.Other("f1", EventKind.ModelFallback, TestEvents.At(3, 10, 2)),
        TestEvents.Other("t1", EventKind.ToolResult, TestEvents.At(3, 10, 3)),
    ];

    [Fact]
    public async Task WriteAsync_NewEvents_InsertsEveryOne()
    {
        await using var test = await TestStore.OpenAsync();

        var result = await test.WriteAsync(Mixed());

        result.ShouldBe(new WriteResult(Inserted: 7, Replaced: 0, AlreadyStored: 0));
        var counts = await test.Store.CountEventsAsync(TestContext.Current.CancellationToken);
        counts.GetValueOrDefault(EventKind.ApiRequest).ShouldBe(3);
        counts.GetValueOrDefault(EventKind.ApiError).ShouldBe(2);
        counts.GetValueOrDefault(EventKind.ModelFallback).ShouldBe(1);
        counts.GetValueOrDefault(EventKind.ToolResult).ShouldBe(1);
        counts.Values.Sum().ShouldBe(7);
        var totals = await test.TotalsAsync();
        totals.Tokens.ShouldBe(Small + Small + Large);
        totals.CostUsd.ShouldBe(0.018m);   // 0.0045 + 0.0045 + 0.009
    }

    [Fact]
    public async Task WriteAsync_SameIdsAgain_CountsThemAlreadyStored()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync(Mixed());

        var result = await test.WriteAsync(Mixed());

        result.ShouldBe(new WriteResult(Inserted: 0, Replaced: 0, AlreadyStored: 7));
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).Values.Sum().ShouldBe(7);
        (await test.TotalsAsync()).Tokens.ShouldBe(Small + Small + Large);
    }

    [Fact]
    public async Task WriteAsync_CopyWithMoreTokens_ReplacesStoredCopy()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m)]);

        var result = await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Large, 0.009m)]);

        result.ShouldBe(new WriteResult(Inserted: 0, Replaced: 1, AlreadyStored: 0));
        var totals = await test.TotalsAsync();
        totals.Requests.ShouldBe(1);
        totals.Tokens.ShouldBe(Large);
        totals.CostUsd.ShouldBe(0.009m);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteAsync_CopyWithFewerOrEqualTokens_KeepsStoredCopy(bool equal)
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Large, 0.009m, session: "first")]);

        var candidate = TestEvents.Request("r1", TestEvents.At(3, 12), equal ? Large : Small, 0.001m, session: "second");
        var result = await test.WriteAsync([candidate]);

        result.ShouldBe(new WriteResult(Inserted: 0, Replaced: 0, AlreadyStored: 1));
        var sessions = await test.Store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
        var kept = sessions.ShouldHaveSingleItem();
        kept.SessionId.ShouldBe("first");
        kept.Tokens.ShouldBe(Large);
        kept.ComputedCostUsd.ShouldBe(0.009m);
        kept.FirstUtc.ShouldBe(TestEvents.At(3, 10));
    }

    [Fact]
    public async Task WriteAsync_MainChainCopyOfStoredSidechainCopy_ReplacesIt()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Large, 0.009m, isSidechain: true, session: "replay")]);

        // Fewer tokens, but main-chain beats a sidechain replay whatever the counts.
        var result = await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m, session: "main")]);

        result.ShouldBe(new WriteResult(Inserted: 0, Replaced: 1, AlreadyStored: 0));
        var kept = (await test.Store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        kept.SessionId.ShouldBe("main");
        kept.Tokens.ShouldBe(Small);
        kept.ComputedCostUsd.ShouldBe(0.0045m);
    }

    [Fact]
    public async Task WriteAsync_SidechainCopyOfStoredMainChainCopy_KeepsMainChainCopy()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m, session: "main")]);

        var result = await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Large, 0.009m, isSidechain: true, session: "replay")]);

        result.ShouldBe(new WriteResult(Inserted: 0, Replaced: 0, AlreadyStored: 1));
        var kept = (await test.Store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        kept.SessionId.ShouldBe("main");
        kept.Tokens.ShouldBe(Small);
    }

    [Fact]
    public async Task WriteAsync_SameIdTwiceInOneBatch_StoresOnePreferredCopy()
    {
        await using var test = await TestStore.OpenAsync();

        // An OTLP exporter that re-sends a batch, or a caller that does not de-duplicate, hands the store both copies at once.
        var result = await test.WriteAsync(
        [
            TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m),
            TestEvents.Request("r1", TestEvents.At(3, 10), Large, 0.009m),
            TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10), attempt: 1),
            TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10), attempt: 1),
        ]);

        var counts = await test.Store.CountEventsAsync(TestContext.Current.CancellationToken);
        var totals = await test.TotalsAsync();
        (counts.GetValueOrDefault(EventKind.ApiRequest), counts.GetValueOrDefault(EventKind.ApiError), totals.Tokens, result.Inserted)
            .ShouldBe((1L, 1L, Large, 2L));
    }

    [Fact]
    public async Task WriteAsync_EventsMarkedNew_InsertsThemAndLaterCopiesAreAlreadyStored()
    {
        await using var test = await TestStore.OpenAsync();
        var events = Mixed();

        var first = await test.Store.WriteAsync(new EventBatch([], events, []), TestContext.Current.CancellationToken);
        var second = await test.WriteAsync(Mixed());

        first.ShouldBe(new WriteResult(Inserted: 7, Replaced: 0, AlreadyStored: 0));
        second.ShouldBe(new WriteResult(Inserted: 0, Replaced: 0, AlreadyStored: 7));
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).Values.Sum().ShouldBe(7);
        (await test.TotalsAsync()).Tokens.ShouldBe(Small + Small + Large);
    }

    [Fact]
    public async Task WriteAsync_CheckpointRejected_StoresNoneOfTheBatch()
    {
        await using var test = await TestStore.OpenAsync();
        var modified = new DateTime(2025, 11, 3, 10, 0, 0, DateTimeKind.Utc);
        FileCheckpoint[] rejected = [new("/p/a.jsonl", 10, modified, 10, 1, 10), new(null!, 10, modified, 10, 1, 10)];

        await Should.ThrowAsync<Exception>(() => test.WriteAsync(Mixed(), rejected));

        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).Values.Sum().ShouldBe(0);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        // The store stays usable after the rolled-back transaction.
        (await test.WriteAsync(Mixed(), [rejected[0]])).Inserted.ShouldBe(7);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Keys.ShouldBe(["/p/a.jsonl"]);
    }

    [Fact]
    public async Task WriteAsync_Checkpoints_RoundTripThroughLoadCheckpointsAsync()
    {
        await using var test = await TestStore.OpenAsync();
        var modified = new DateTime(2025, 11, 3, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        FileCheckpoint[] checkpoints =
        [
            new("/data/projects/p1/a.jsonl", Size: 5000, modified, Offset: 4990, Fingerprint: ulong.MaxValue, FingerprintLength: 4096),
            new("/data/projects/p1/ü b.jsonl", Size: 0, modified.AddDays(-1), Offset: 0, Fingerprint: 0, FingerprintLength: 0),
        ];

        await test.WriteAsync([], checkpoints);
        await test.ReopenAsync();
        var loaded = await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken);

        loaded.Count.ShouldBe(2);
        foreach (var checkpoint in checkpoints)
        {
            loaded[checkpoint.Path].ShouldBe(checkpoint);
            loaded[checkpoint.Path].LastWriteUtc.Kind.ShouldBe(DateTimeKind.Utc);
        }
    }

    [Fact]
    public async Task WriteAsync_NewerCheckpointOfSameFile_ReplacesIt()
    {
        await using var test = await TestStore.OpenAsync();
        var modified = new DateTime(2025, 11, 3, 10, 0, 0, DateTimeKind.Utc);
        await test.WriteAsync([], [new("/p/a.jsonl", 100, modified, 100, 42, 100)]);

        var newer = new FileCheckpoint("/p/a.jsonl", 250, modified.AddMinutes(1), 240, 43, 240);
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), Small, 0.0045m)], [newer]);

        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Values.ShouldHaveSingleItem().ShouldBe(newer);
    }
}
