using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;
using static ContextCleaner.Storage.DuckDb.Tests.Support.HandRequests;
using static ContextCleaner.Storage.DuckDb.Tests.Support.TranscriptLines;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>An import into a store that is still being created: reading does not wait for it, writing does.</summary>
public sealed class NewStoreImportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ImportIntoNewStoreAsync_StoreStillOpening_ReadsEveryFileFirstThenWritesThemAll()
    {
        await using var test = await TestStore.OpenAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([User(A.TimestampUtc), Assistant(A), Assistant(B)]));
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(C)]));
        await using var store = new DuckDbTelemetryStore(test.Temp.Combine("new", "telemetry.duckdb"), test.Time);
        var everythingRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress<ImportProgress>(p =>
        {
            if (p.FilesTotal > 0 && p.FilesDone == p.FilesTotal)
            {
                everythingRead.TrySetResult();
            }
        });
        // The store opens only once every file has been read: an importer that waited for it before reading would hang.
        var opening = OpenAfterAsync(everythingRead.Task, store);

        var summary = await Importer(store, test).ImportIntoNewStoreAsync(Location(test), opening, progress, TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TestContext.Current.CancellationToken);

        (summary.Statistics.FilesReadWhole, summary.Statistics.EventsInserted, summary.Statistics.Duplicates).ShouldBe((2, 3, 0));
        var report = await UsageReportService.BuildAsync(store, new ReportRequest { Mode = CostMode.Calculate }, TestContext.Current.CancellationToken);
        report.Rows.Sum(r => r.Requests).ShouldBe(3);
        report.Tokens.ShouldBe(Sum(A, B, C).Tokens);
        (await store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ImportIntoNewStoreAsync_StoreHeldEventsAfterAll_ChecksEveryEventForDuplicates()
    {
        // Another process created and filled the store between our look and our open: nothing may count twice.
        await using var test = await TestStore.OpenAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([Assistant(A), Assistant(B)]));
        await test.ImportAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(C)]));

        var summary = await Importer(test.Store, test).ImportIntoNewStoreAsync(Location(test), Task.CompletedTask, null, TestContext.Current.CancellationToken);

        (summary.Statistics.EventsInserted, summary.Statistics.Duplicates).ShouldBe((1, 2));
        var totals = await test.TotalsAsync();
        totals.Requests.ShouldBe(3);
        totals.Tokens.ShouldBe(Sum(A, B, C).Tokens);
        totals.CostUsd.ShouldBe(Sum(A, B, C).CostUsd);
    }

    [Fact]
    public async Task ImportIntoNewStoreAsync_StoreFailsToOpen_ThrowsItsErrorAndStopsReading()
    {
        await using var test = await TestStore.OpenAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([Assistant(A)]));
        var opening = Task.FromException(new IOException("the store's folder is read-only"));

        var error = await Should.ThrowAsync<IOException>(() => Importer(test.Store, test)
            .ImportIntoNewStoreAsync(Location(test), opening, null, TestContext.Current.CancellationToken));

        error.Message.ShouldBe("the store's folder is read-only");
        (await test.TotalsAsync()).Requests.ShouldBe(0);
    }

    private static async Task OpenAfterAsync(Task signal, DuckDbTelemetryStore store)
    {
        await signal;
        await store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    private static TranscriptImporter Importer(Core.Storage.ITelemetryStore store, TestStore test) =>
        new(store, TestStore.Prices, test.Time, new ImportOptions { Parallelism = 2 });

    private static ClaudeDataLocation Location(TestStore test) => new([test.ProjectsDirectory], [test.ProjectsDirectory], "test");
}
