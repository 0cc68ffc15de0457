using System.Runtime.CompilerServices;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

/// <summary>A first import's batches written as one transaction (<see cref="ITelemetryStore.BulkWriteAsync"/>).</summary>
public sealed class DuckDbBulkWriteTests
{
    private static readonly TokenUsage Small = new(Input: 1000, Output: 100, CacheRead: 0, CacheWrite5m: 0, CacheWrite1h: 0);

    [Fact]
    public async Task BulkWriteAsync_SeveralBatches_StoresEverythingAndCommitsOnceAtTheEnd()
    {
        await using var test = await TestStore.OpenAsync();
        var observer = new RecordingObserver();

        await test.Store.BulkWriteAsync(Batches(
            New([Request("r1", "/t/a.jsonl"), Request("r2", "/t/a.jsonl"), TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10))],
                Checkpoint("/t/a.jsonl", 100)),
            New([Request("r3", "/t/b.jsonl")], Checkpoint("/t/b.jsonl", 200))), observer, TestContext.Current.CancellationToken);

        observer.Log.ShouldBe(["written 3", "written 1", "committed"]);
        var counts = await test.Store.CountEventsAsync(TestContext.Current.CancellationToken);
        (counts.GetValueOrDefault(EventKind.ApiRequest), counts.GetValueOrDefault(EventKind.ApiError)).ShouldBe((3, 1));
        (await test.TotalsAsync()).Tokens.ShouldBe(Small + Small + Small);
        var checkpoints = await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken);
        checkpoints.Keys.Order(StringComparer.Ordinal).ShouldBe(["/t/a.jsonl", "/t/b.jsonl"]);
        checkpoints["/t/b.jsonl"].Offset.ShouldBe(200);
        var sources = await test.QueryFileAsync("SELECT location FROM sources ORDER BY source_id");
        sources.Select(r => (string)r[0]!).ShouldBe(["/t/a.jsonl", "/transcripts/p1/s1.jsonl", "/t/b.jsonl"]);     // ids follow first use
    }

    [Fact]
    public async Task BulkWriteAsync_CheckpointOfAFileAgainOrAlreadyStored_KeepsOneRowWithTheLatestPosition()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync([], [Checkpoint("/t/old.jsonl", 10)]);     // a file without events imported earlier

        await test.Store.BulkWriteAsync(Batches(
            New([Request("r1", "/t/a.jsonl")], Checkpoint("/t/a.jsonl", 100), Checkpoint("/t/old.jsonl", 20)),
            New([Request("r2", "/t/a.jsonl")], Checkpoint("/t/a.jsonl", 300))), new RecordingObserver(), TestContext.Current.CancellationToken);

        var checkpoints = await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken);
        checkpoints.Count.ShouldBe(2);
        (checkpoints["/t/a.jsonl"].Offset, checkpoints["/t/old.jsonl"].Offset).ShouldBe((300, 20));
        (await test.TotalsAsync()).Requests.ShouldBe(2);
    }

    [Fact]
    public async Task BulkWriteAsync_BatchesFailMidway_LeavesTheStoreAsItWas()
    {
        await using var test = await TestStore.OpenAsync();
        var observer = new RecordingObserver();

        await Should.ThrowAsync<IOException>(() => test.Store.BulkWriteAsync(Failing(New([Request("r1", "/t/a.jsonl")], Checkpoint("/t/a.jsonl", 100))),
            observer, TestContext.Current.CancellationToken));

        observer.Log.ShouldBe(["written 1"]);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).Values.Sum().ShouldBe(0);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await test.QueryFileAsync("SELECT count(*) FROM sources"))[0][0].ShouldBe(0L);
        // The store still takes ordinary writes afterwards.
        (await test.WriteAsync([Request("r2", "/t/b.jsonl")])).Inserted.ShouldBe(1);
    }

    [Fact]
    public async Task BulkWriteAsync_LeavesOutCostlyStringCompressionOnlyUntilTheNextWrite()
    {
        await using var test = await TestStore.OpenAsync();
        (await test.Store.DisabledCompressionMethodsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();

        await test.Store.BulkWriteAsync(Batches(New([Request("r1", "/t/a.jsonl")], Checkpoint("/t/a.jsonl", 100))), new RecordingObserver(),
            TestContext.Current.CancellationToken);
        (await test.Store.DisabledCompressionMethodsAsync(TestContext.Current.CancellationToken)).ShouldContain("fsst");

        await test.WriteAsync([Request("r2", "/t/b.jsonl")]);
        (await test.Store.DisabledCompressionMethodsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await test.TotalsAsync()).Requests.ShouldBe(2);
    }

    private static TelemetryEvent Request(string key, string path) =>
        TestEvents.Request(key, TestEvents.At(3, 10), Small, 0.0045m, sourcePath: path);

    private static FileCheckpoint Checkpoint(string path, long offset) => new(path, offset, DateTime.UnixEpoch, offset, 42, 64);

    private static EventBatch New(IReadOnlyList<TelemetryEvent> events, params FileCheckpoint[] checkpoints) => new([], events, checkpoints);

    private static async IAsyncEnumerable<EventBatch> Batches(params EventBatch[] batches)
    {
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }

    private static async IAsyncEnumerable<EventBatch> Failing(EventBatch first, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return first;
        await Task.Delay(1, cancellationToken);
        throw new IOException("a transcript folder vanished");
    }

    private sealed class RecordingObserver : IBulkWriteObserver
    {
        public List<string> Log { get; } = [];

        public void BatchWritten(WriteResult result) => Log.Add($"written {result.Inserted}");

        public void Committed() => Log.Add("committed");
    }
}
