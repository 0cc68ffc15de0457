using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

/// <summary>
/// The native ClickHouse store on a real server, against the DuckDB store as reference: the real transcripts of
/// samples/ and the OTLP bodies the same Claude Code runs sent (tests/data) give the same answers in both.
/// </summary>
public sealed class ClickHouseTelemetryStoreTests
{
    private static readonly TokenUsage SampleTokens = new(Input: 91_231, Output: 856, CacheRead: 210_435, CacheWrite5m: 411_443, CacheWrite1h: 0);

    [Fact]
    public async Task Transcripts_SameAsDuckDb_ForEveryGroupingAndFilter()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), clickHouse.Time);
        await duckDb.InitializeAsync(TestContext.Current.CancellationToken);

        await ClickHouseTestStore.ImportAsync(duckDb, clickHouse.Time, RepositoryRoot.SampleProjects);
        await ClickHouseTestStore.ImportAsync(clickHouse.Store, clickHouse.Time, RepositoryRoot.SampleProjects);

        var sessions = await duckDb.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
        var first = sessions.Min(s => s.FirstUtc);
        var last = sessions.Max(s => s.LastUtc);
        var middle = first + ((last - first) / 2);
        UsageQuery[] queries =
        [
            new() { BucketMinutes = 60 },
            new() { BySession = true },
            new() { BucketMinutes = 1440, FromUtc = middle, ToUtc = last },
            new() { BucketMinutes = 5, FromUtc = first.AddMicroseconds(1) },
            new() { BySession = true, Project = "-home-user-project", ToUtc = middle },
            new() { SessionId = sessions[0].SessionId },
            new() { Project = "no-such-project" },
        ];
        foreach (var query in queries)
        {
            var expected = ClickHouseTestStore.Sorted(await duckDb.QueryUsageAsync(query, TestContext.Current.CancellationToken));
            var actual = ClickHouseTestStore.Sorted(await clickHouse.Store.QueryUsageAsync(query, TestContext.Current.CancellationToken));
            actual.ShouldBe(expected);
            var expectedEntries = await duckDb.ReadUsageEntriesAsync(query, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
            var actualEntries = await clickHouse.Store.ReadUsageEntriesAsync(query, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
            actualEntries.Select(e => e.TimestampUtc).ShouldBeInOrder();
            ClickHouseTestStore.Ordered(actualEntries).ShouldBe(ClickHouseTestStore.Ordered(expectedEntries));
        }

        var report = await ClickHouseTestStore.ReportAsync(clickHouse.Store, CostMode.Calculate);
        report.Rows.Sum(r => r.Requests).ShouldBe(33);
        report.Tokens.ShouldBe(SampleTokens);
        report.CostUsd.ShouldBe(2.378393m);
    }

    [Fact]
    public async Task ImportAndWrite_Twice_LeaveEveryTotalUnchanged()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
        var before = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);
        var counts = await store.CountEventsAsync(TestContext.Current.CancellationToken);

        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
        await ClickHouseTestStore.WriteOtlpLogsAsync(store);
        var afterOtlp = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);
        await ClickHouseTestStore.WriteOtlpLogsAsync(store);
        var afterResend = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);

        foreach (var report in new[] { afterOtlp, afterResend })
        {
            report.Tokens.ShouldBe(before.Tokens);
            report.CostUsd.ShouldBe(before.CostUsd);
            report.Rows.Sum(r => r.Requests).ShouldBe(33);
        }

        (await store.CountEventsAsync(TestContext.Current.CancellationToken))[EventKind.ApiRequest].ShouldBe(counts[EventKind.ApiRequest]);
    }

    [Fact]
    public async Task ReimportIntoFreshCheckpoints_SameEventsAgain_CountedOnce()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
        var before = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);

        // The same transcript events written again as events that may be stored (what a rewritten file yields).
        using var temp = new TempDirectory();
        await using var scratch = new DuckDbTelemetryStore(temp.Combine("scratch.duckdb"), clickHouse.Time);
        await scratch.InitializeAsync(TestContext.Current.CancellationToken);
        var recording = new RecordingStore(scratch);
        await ClickHouseTestStore.ImportAsync(recording, clickHouse.Time, RepositoryRoot.SampleProjects);
        recording.Events.Count.ShouldBeGreaterThan(0);
        var result = await store.WriteAsync(new EventBatch(recording.Events, []), TestContext.Current.CancellationToken);
        var after = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);

        result.Inserted.ShouldBe(0);
        after.Tokens.ShouldBe(before.Tokens);
        after.CostUsd.ShouldBe(before.CostUsd);
        after.Rows.Sum(r => r.Requests).ShouldBe(33);
    }

    [Fact]
    public async Task TranscriptsThenOtlp_SameRequests_CountedOnceWithReportedCosts()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);

        await ClickHouseTestStore.WriteOtlpLogsAsync(store);

        var calculated = await ClickHouseTestStore.ReportAsync(store, CostMode.Calculate);
        var displayed = await ClickHouseTestStore.ReportAsync(store, CostMode.Display);
        calculated.Rows.Sum(r => r.Requests).ShouldBe(33);
        calculated.Tokens.ShouldBe(SampleTokens);
        displayed.Tokens.ShouldBe(SampleTokens);
        displayed.CostUsd.ShouldBe(2.378393m);
        var sessions = await store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
        sessions.ShouldAllBe(s => s.Project == "-home-user-project");
        sessions.Sum(s => s.Requests).ShouldBe(33);
        // Every request kept its transcript project and gained Claude Code's reported cost.
        sessions.Sum(s => s.UncostedRequests).ShouldBe(0);
        sessions.ShouldAllBe(s => s.ReportedCostUsd > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TranscriptsAndOtlp_EitherOrder_SameAsDuckDb(bool transcriptsFirst)
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), clickHouse.Time);
        await duckDb.InitializeAsync(TestContext.Current.CancellationToken);

        foreach (var store in new ITelemetryStore[] { duckDb, clickHouse.Store })
        {
            await ClickHouseTestStore.WriteSamplesAsync(store, clickHouse.Time, transcriptsFirst);
        }

        foreach (var query in new[] { new UsageQuery { BucketMinutes = 60 }, new UsageQuery { BySession = true } })
        {
            ClickHouseTestStore.Sorted(await clickHouse.Store.QueryUsageAsync(query, TestContext.Current.CancellationToken))
                .ShouldBe(ClickHouseTestStore.Sorted(await duckDb.QueryUsageAsync(query, TestContext.Current.CancellationToken)));
        }

        (await clickHouse.Store.CountEventsAsync(TestContext.Current.CancellationToken))
            .ShouldBe(await duckDb.CountEventsAsync(TestContext.Current.CancellationToken), ignoreOrder: true);
        var displayed = await ClickHouseTestStore.ReportAsync(clickHouse.Store, CostMode.Display);
        displayed.CostUsd.ShouldBe(2.378393m);
        displayed.Rows.Sum(r => r.Requests).ShouldBe(33);
    }

    [Fact]
    public async Task PreferredCopyInAnotherMonth_ReplacesTheStoredOne_CountedOnce()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        var id = Guid.NewGuid();
        var otlp = Request(id, EventSource.Otlp, new DateTime(2026, 1, 31, 23, 59, 59, 900, DateTimeKind.Utc), reportedCost: 0.5m, project: null);
        var transcript = Request(id, EventSource.Transcript, new DateTime(2026, 2, 1, 0, 0, 0, 100, DateTimeKind.Utc), reportedCost: null, project: "p");

        await store.WriteAsync(new EventBatch([otlp], []), TestContext.Current.CancellationToken);
        var result = await store.WriteAsync(new EventBatch([transcript], []), TestContext.Current.CancellationToken);
        var again = await store.WriteAsync(new EventBatch([otlp, transcript], []), TestContext.Current.CancellationToken);

        result.ShouldBe(new WriteResult(0, 1, 0));
        again.Inserted.ShouldBe(0);
        var rows = await store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
        var row = rows.ShouldHaveSingleItem();
        row.Requests.ShouldBe(1);
        row.Project.ShouldBe("p");
        row.ReportedCostUsd.ShouldBe(0.5m);
        row.FirstUtc.ShouldBe(transcript.TimestampUtc);
        // Not only hidden by FINAL: the January copy is gone (merges would never collapse it with February's).
        (await clickHouse.ScalarAsync($"SELECT count() FROM {clickHouse.Database}.api_requests")).ShouldBe(1UL);
    }

    [Fact]
    public async Task LargeBatch_ResentAndPartlyReplaced_OneLookupCarriesEveryId_NothingCountedTwice()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        // More ids than one HTTP parameter may carry (128 KiB, ~3,000 UUIDs): the set is split over many parameters.
        var otlp = Enumerable.Range(0, 12_000)
            .Select(i => Request(Guid.NewGuid(), EventSource.Otlp, start.AddSeconds(i), reportedCost: 0.001m, project: null)).ToList();

        var first = await store.WriteAsync(new EventBatch(otlp, []), TestContext.Current.CancellationToken);
        var resent = await store.WriteAsync(new EventBatch(otlp, []), TestContext.Current.CancellationToken);
        var transcripts = otlp.Take(5_000).Select(e => Request(e.Id, EventSource.Transcript, e.TimestampUtc, reportedCost: null, project: "p")).ToList();
        var replaced = await store.WriteAsync(new EventBatch(transcripts, []), TestContext.Current.CancellationToken);

        first.ShouldBe(new WriteResult(12_000, 0, 0));
        resent.ShouldBe(new WriteResult(0, 0, 12_000));
        replaced.ShouldBe(new WriteResult(0, 5_000, 0));
        var total = (await store.QueryUsageAsync(new UsageQuery(), TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        total.Requests.ShouldBe(12_000);
        total.ReportedCostUsd.ShouldBe(12m);
    }

    [Fact]
    public async Task UpdateComputedCosts_RepricesInPlace_AndRecordsThePriceVersion()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
        var inputs = await store.ReadPricingInputsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        await store.UpdateComputedCostsAsync([.. inputs.Select(i => new PricedEvent(i.Id, 1m))], "test-prices", TestContext.Current.CancellationToken);

        (await store.GetPriceVersionAsync(TestContext.Current.CancellationToken)).ShouldBe("test-prices");
        var models = await store.QueryUsageAsync(new UsageQuery(), TestContext.Current.CancellationToken);
        models.Sum(m => m.Requests).ShouldBe(33);
        models.Sum(m => m.ComputedCostUsd).ShouldBe(33m);
    }

    [Fact]
    public async Task Checkpoints_WrittenTwice_LatestKept()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        var first = new FileCheckpoint("/a.jsonl", 10, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 10, ulong.MaxValue, 10);
        var second = first with { Size = 20, Offset = 20 };

        await store.WriteAsync(new EventBatch([], [first]), TestContext.Current.CancellationToken);
        await store.WriteAsync(new EventBatch([], [second]), TestContext.Current.CancellationToken);

        (await store.LoadCheckpointsAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Value.ShouldBe(second);
    }

    [Fact]
    public async Task MetricPoints_SentTwice_StoredOnce()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var mapper = new OtlpEventMapper(ClickHouseTestStore.Prices, new OtlpMappingOptions());
        var points = Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-metrics.json")
            .SelectMany(f => mapper.Map(OtlpJsonDecoder.Decode(OtlpSignal.Metrics, File.ReadAllBytes(f))).Metrics)
            .ToList();
        points.ShouldNotBeEmpty();

        await clickHouse.Store.WriteAsync(new EventBatch([], []) { Metrics = points }, TestContext.Current.CancellationToken);
        await clickHouse.Store.WriteAsync(new EventBatch([], []) { Metrics = points }, TestContext.Current.CancellationToken);

        (await clickHouse.ScalarAsync($"SELECT count() FROM {clickHouse.Database}.metric_points")).ShouldBe((ulong)points.DistinctBy(p => p.Id).Count());
    }

    private static TelemetryEvent Request(Guid id, EventSource source, DateTime timestampUtc, decimal? reportedCost, string? project) => new()
    {
        Id = id,
        Kind = EventKind.ApiRequest,
        Source = source,
        TimestampUtc = timestampUtc,
        SessionId = "s",
        Project = project,
        Model = "claude-sonnet-4-5",
        Tokens = new TokenUsage(10, 20, 0, 0, 0),
        ReportedCostUsd = reportedCost,
        SourcePath = source == EventSource.Otlp ? "otlp:s" : "/p/s.jsonl",
    };
}
