using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

public sealed class DuckDbTelemetryStoreHealthTests
{
    // Newest times in samples/claude, read off the files with a script: the last of the 33 de-duplicated usage lines, and
    // the last line of any kind we store (a <synthetic> API error placeholder).
    private static readonly DateTime NewestSampleRequest = new(2026, 11, 25, 23, 37, 25, 24, DateTimeKind.Utc);
    private static readonly DateTime NewestSampleEvent = new(2026, 11, 25, 23, 39, 33, 24, DateTimeKind.Utc);

    [Fact]
    public async Task CheckHealthAsync_NewStore_ReportsEngineSchemaEmptyTablesAndTheEmptyStoreHint()
    {
        await using var test = await TestStore.OpenAsync();

        var health = await test.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        health.Store.ShouldBe("duckdb://" + test.DatabasePath);
        health.Engine.ShouldMatch(@"^DuckDB v\d+\.\d+\.\d+");
        health.Mode.ShouldBe("embedded");
        health.Schema.ShouldBe("schema version " + DuckDbMigrations.All[^1].Version);
        health.Tables.ShouldBe(
        [
            new StoreTableStatus("api_requests", true, 0, null),
            new StoreTableStatus("events", true, 0, null),
            new StoreTableStatus("metric_points", true, 0, null),
            new StoreTableStatus("import_files", true, 0, null),
        ]);
        health.NewestEventUtc.ShouldBeNull();
        health.MetricPoints.ShouldBeEmpty();
        health.Hints.ShouldHaveSingleItem().ShouldContain("context-cleaner import");
    }

    [Fact]
    public async Task CheckHealthAsync_SampleTranscripts_CountsRowsAndNewestTimesAsInTheFiles()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var health = await test.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        // 33 requests; 48 retry lines + 7 API error placeholders + 1 model fallback; 31 files (see SampleTranscriptImportTests).
        health.Tables.ShouldBe(
        [
            new StoreTableStatus("api_requests", true, 33, NewestSampleRequest),
            new StoreTableStatus("events", true, 56, NewestSampleEvent),
            new StoreTableStatus("metric_points", true, 0, null),
            new StoreTableStatus("import_files", true, 31, null),
        ]);
        health.NewestEventUtc.ShouldBe(NewestSampleEvent);
        health.NewestEventUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task CheckHealthAsync_OldEventsAndNoMetrics_HintsStalenessAndMissingMetrics()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);
        test.Time.SetUtcNow(new DateTimeOffset(NewestSampleEvent).AddDays(3).AddHours(1));

        var hints = (await test.Store.CheckHealthAsync(TestContext.Current.CancellationToken)).Hints;

        hints.Count.ShouldBe(2, string.Join("\n", hints));
        hints[0].ShouldContain("3 days old");
        hints[1].ShouldContain("OTEL_METRICS_EXPORTER=otlp");
    }

    [Fact]
    public async Task CheckHealthAsync_MetricPoints_CountedPerTemporalityWithTheCumulativeHint()
    {
        await using var test = await TestStore.OpenAsync();
        var at = TestStore.Now.UtcDateTime.AddMinutes(-10);
        await test.WriteAsync([TestEvents.Request("a", at, new TokenUsage(10, 1, 0, 0, 0), 0.1m)]);
        MetricPoint[] points =
        [
            Point(MetricTemporality.Delta, at, 1), Point(MetricTemporality.Delta, at.AddMinutes(1), 2),
            Point(MetricTemporality.Cumulative, at, 3), Point(MetricTemporality.Unspecified, at.AddMinutes(2), 4),
        ];
        await test.Store.WriteAsync(new EventBatch([], []) { Metrics = points }, TestContext.Current.CancellationToken);

        var health = await test.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        health.MetricPoints.ShouldBe(new Dictionary<MetricTemporality, long>
        {
            [MetricTemporality.Delta] = 2,
            [MetricTemporality.Cumulative] = 1,
            [MetricTemporality.Unspecified] = 1,
        }, ignoreOrder: true);
        health.Tables.Single(t => t.Name == "metric_points").ShouldBe(new StoreTableStatus("metric_points", true, 4, at.AddMinutes(2)));
        health.NewestEventUtc.ShouldBe(at);
        health.Hints.ShouldHaveSingleItem().ShouldContain("1 metric point is cumulative");
    }

    private static MetricPoint Point(MetricTemporality temporality, DateTime at, double value) => new()
    {
        Id = EventIdentity.ForKey("health-point", temporality.ToString(), at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        SeriesId = EventIdentity.ForKey("health-series", "claude_code.token.usage", temporality.ToString()),
        Name = "claude_code.token.usage",
        Unit = "tokens",
        Temporality = temporality,
        IsMonotonic = temporality != MetricTemporality.Unspecified,
        StartUtc = at.AddMinutes(-1),
        TimestampUtc = at,
        Value = value,
        SessionId = "s1",
    };
}
