using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// An import stopped between batches (Ctrl+C, or a crash after a commit) resumes without losing or double-counting
/// anything. Killing the real process is the CLI tests' job.
/// </summary>
public sealed class CancelledImportTests
{
    // Small batches: the corpus (~40 files, a few MB) is written in many transactions.
    private static readonly ImportOptions SmallBatches = new() { Parallelism = 2, BatchBytes = 64 << 10 };

    [Fact]
    public async Task ImportAsync_CancelledAfterFirstBatch_RerunGivesTheTotalsOfOneCleanRun()
    {
        await using var clean = await TestStore.OpenAsync();
        var corpus = CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = clean.Temp.Combine("corpus"), Seed = 3, Sessions = 16, Projects = 3, Days = 5 });
        var projects = Path.Combine(corpus.OutputDirectory, "projects");
        var files = Directory.GetFiles(projects, "*.jsonl", SearchOption.AllDirectories).Length;
        await clean.ImportAsync(projects, SmallBatches);
        var expected = await clean.TotalsAsync();
        var expectedCounts = await clean.Store.CountEventsAsync(TestContext.Current.CancellationToken);

        await using var test = await TestStore.OpenAsync();
        var counting = new CommitCountingStore(test.Store);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SynchronousProgress<ImportProgress>(_ =>
        {
            if (counting.CommittedBatches >= 1)
            {
                cancel.Cancel();
            }
        });
        await Should.ThrowAsync<OperationCanceledException>(() => test.ImportAsync(projects, SmallBatches, progress, cancel.Token, counting));

        var resumable = (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count;
        resumable.ShouldBeInRange(1, files - 1);
        var rerun = (await test.ImportAsync(projects, SmallBatches)).Statistics;

        rerun.FilesUnchanged.ShouldBe(resumable);
        var totals = await test.TotalsAsync();
        totals.ShouldBe(expected);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).ShouldBe(expectedCounts, ignoreOrder: true);
        totals.Requests.ShouldBe(corpus.Counts["unique_usage_messages"]);
        totals.Tokens.Total.ShouldBe(corpus.TotalTokens);
        totals.CostUsd.ShouldBe(corpus.CostUsd, 0.000000001m);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count.ShouldBe(files);
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
        var counting = new CommitCountingStore(test.Store);

        // Parallelism 1 and one batch for everything: the cancellation comes while the only batch is being read.
        await Should.ThrowAsync<OperationCanceledException>(() => test.ImportAsync(RepositoryRoot.SampleProjects,
            new ImportOptions { Parallelism = 1 }, progress, cancel.Token, counting));

        counting.CommittedBatches.ShouldBe(0);
        (await test.Store.CountEventsAsync(TestContext.Current.CancellationToken)).GetValueOrDefault(EventKind.ApiRequest).ShouldBe(0);
        (await test.Store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var rerun = (await test.ImportAsync(RepositoryRoot.SampleProjects)).Statistics;
        rerun.FilesReadWhole.ShouldBe(31);
        (await test.TotalsAsync()).CostUsd.ShouldBe(2.378393m);
    }
}
