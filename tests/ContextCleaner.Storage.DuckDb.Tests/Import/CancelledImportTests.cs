using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// An import stopped between batches (Ctrl+C, or a crash after a commit) resumes without losing or double-counting
/// anything; a first import into an empty store, one transaction, leaves nothing behind. Killing the real process is
/// the CLI tests' job.
/// </summary>
public sealed class CancelledImportTests
{
    // Small batches: the corpus (~40 files, a few MB) is written in many transactions.
    private static readonly ImportOptions SmallBatches = new() { Parallelism = 2, BatchBytes = 64 << 10 };

    [Fact]
    public async Task LaterImport_CancelledAfterFirstCommit_RerunGivesTheTotalsOfOneCleanRun()
    {
        await using var clean = await TestStore.OpenAsync();
        var earlier = Path.Combine(Generate(clean, "earlier", seed: 4, sessions: 3).OutputDirectory, "projects");
        var projects = Path.Combine(Generate(clean, "corpus", seed: 3, sessions: 16).OutputDirectory, "projects");
        var files = Directory.GetFiles(projects, "*.jsonl", SearchOption.AllDirectories).Length;
        await clean.ImportAsync(earlier, SmallBatches);
        await clean.ImportAsync(projects, SmallBatches);
        var expected = await clean.TotalsAsync();
        var expectedCounts = await clean.Store.CountEventsAsync(TestContext.Current.CancellationToken);

        // The store already holds a history: every batch of the next import is a transaction of its own.
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(earlier, SmallBatches);
        var before = (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SynchronousProgress<ImportProgress>(p =>
        {
            if (p.BatchesCommitted >= 1)
            {
                cancel.Cancel();
            }
        });
        await Should.ThrowAsync<OperationCanceledException>(() => test.ImportAsync(projects, SmallBatches, progress, cancel.Token));

        var resumable = (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count - before;
        resumable.ShouldBeInRange(1, files - 1);
        var rerun = (await test.ImportAsync(projects, SmallBatches)).Statistics;

        rerun.FilesUnchanged.ShouldBe(resumable);
        (await test.TotalsAsync()).ShouldBe(expected);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).ShouldBe(expectedCounts, ignoreOrder: true);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count.ShouldBe(before + files);
    }

    [Fact]
    public async Task FirstImport_CancelledAfterBatchesWereWritten_LeavesStoreEmptyAndRerunGivesTheGeneratedTotals()
    {
        await using var test = await TestStore.OpenAsync();
        var corpus = Generate(test, "corpus", seed: 3, sessions: 16);
        var projects = Path.Combine(corpus.OutputDirectory, "projects");
        var files = Directory.GetFiles(projects, "*.jsonl", SearchOption.AllDirectories).Length;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var written = 0;
        var progress = new SynchronousProgress<ImportProgress>(p =>
        {
            written = Math.Max(written, p.BatchesWritten);
            p.BatchesCommitted.ShouldBe(0, "a first import commits only at its end");
            if (p.BatchesWritten >= 2)
            {
                cancel.Cancel();
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() => test.ImportAsync(projects, SmallBatches, progress, cancel.Token));

        written.ShouldBeGreaterThanOrEqualTo(2);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).Values.Sum().ShouldBe(0);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var rerun = (await test.ImportAsync(projects, SmallBatches)).Statistics;
        rerun.FilesReadWhole.ShouldBe(files);
        var totals = await test.TotalsAsync();
        totals.Requests.ShouldBe(corpus.Counts["unique_usage_messages"]);
        totals.Tokens.Total.ShouldBe(corpus.TotalTokens);
        totals.CostUsd.ShouldBe(corpus.CostUsd, 0.000000001m);
    }

    [Fact]
    public async Task ImportAsync_CancelledBeforeAnyBatch_LeavesStoreEmpty()
    {
        await using var test = await TestStore.OpenAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SynchronousProgress<ImportProgress>(p =>
        {
            if (p.FilesDone >= 1)
            {
                cancel.Cancel();
            }
        });
        var committed = 0;
        var counted = new SynchronousProgress<ImportProgress>(p =>
        {
            committed = Math.Max(committed, p.BatchesCommitted);
            progress.Report(p);
        });

        // Parallelism 1 and one batch for everything: the cancellation comes while the only batch is being read.
        await Should.ThrowAsync<OperationCanceledException>(() => test.ImportAsync(RepositoryRoot.SampleProjects,
            new ImportOptions { Parallelism = 1 }, counted, cancel.Token));

        committed.ShouldBe(0);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).GetValueOrDefault(EventKind.ApiRequest).ShouldBe(0);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var rerun = (await test.ImportAsync(RepositoryRoot.SampleProjects)).Statistics;
        rerun.FilesReadWhole.ShouldBe(31);
        (await test.TotalsAsync()).CostUsd.ShouldBe(2.378393m);
    }

    private static CorpusSummary Generate(TestStore store, string name, int seed, int sessions) =>
        CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = store.Temp.Combine(name), Seed = seed, Sessions = sessions, Projects = 3, Days = 5 });
}
