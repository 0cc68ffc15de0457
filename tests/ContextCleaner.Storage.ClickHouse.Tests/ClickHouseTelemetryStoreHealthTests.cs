using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

/// <summary>The native store's health check on a real server, with the DuckDB store's answer on the same data as reference.</summary>
public sealed class ClickHouseTelemetryStoreHealthTests
{
    [Fact]
    public async Task CheckHealthAsync_NewStore_ReportsServerVersionNativeModeAndEmptyTables()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();

        var health = await clickHouse.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        health.Store.ShouldBe(clickHouse.Location.DisplayUri);
        health.Engine.ShouldBe("ClickHouse " + await clickHouse.ScalarAsync("SELECT version()"));
        health.Engine.ShouldMatch(@"^ClickHouse \d+\.\d+");
        health.Mode.ShouldBe("native");
        health.Schema.ShouldBe("schema version " + ClickHouseMigrations.All[^1].Version);
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
    public async Task CheckHealthAsync_TranscriptsOtlpLogsAndMetricsTwice_SameAsDuckDb()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), clickHouse.Time);
        await duckDb.InitializeAsync(TestContext.Current.CancellationToken);
        var points = OtlpMetricPoints();

        foreach (ITelemetryStore store in new ITelemetryStore[] { duckDb, clickHouse.Store, clickHouse.Store })
        {
            await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
            await ClickHouseTestStore.WriteOtlpLogsAsync(store);
            await store.WriteAsync(new EventBatch([], []) { Metrics = points }, TestContext.Current.CancellationToken);
        }

        var expected = await duckDb.CheckHealthAsync(TestContext.Current.CancellationToken);
        var actual = await clickHouse.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        actual.Tables.ShouldBe(expected.Tables);
        actual.Tables.Single(t => t.Name == "api_requests").Rows.ShouldBe(33);
        actual.NewestEventUtc.ShouldBe(expected.NewestEventUtc);
        actual.MetricPoints.ShouldBe(expected.MetricPoints, ignoreOrder: true);
        actual.MetricPoints.Keys.ShouldBe([MetricTemporality.Delta]);   // Claude Code's default
        actual.Hints.ShouldBe(expected.Hints);
    }

    [Fact]
    public async Task CheckHealthAsync_TableDroppedByHand_ReportedAbsentAndTheHintsRemedyRecreatesIt()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        await clickHouse.ScalarAsync($"DROP TABLE {clickHouse.Database}.metric_points");

        var health = await clickHouse.Store.CheckHealthAsync(TestContext.Current.CancellationToken);

        health.Tables.Single(t => t.Name == "metric_points").ShouldBe(new StoreTableStatus("metric_points", false, null, null));
        health.Tables.Where(t => t.Name != "metric_points").ShouldAllBe(t => t.Present);
        health.Hints.Count.ShouldBe(2, string.Join("\n", health.Hints));
        health.Hints[1].ShouldContain($"metric_points missing from database {clickHouse.Database}");
        health.Hints[1].ShouldContain($"TRUNCATE TABLE {clickHouse.Database}.schema_migrations");

        await clickHouse.ScalarAsync($"TRUNCATE TABLE {clickHouse.Database}.schema_migrations");
        await using var reopened = new ClickHouseTelemetryStore(clickHouse.Location, clickHouse.Time);
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);

        var repaired = await reopened.CheckHealthAsync(TestContext.Current.CancellationToken);
        repaired.Tables.ShouldAllBe(t => t.Present);
        repaired.Hints.ShouldHaveSingleItem().ShouldContain("empty");
    }

    private static List<MetricPoint> OtlpMetricPoints()
    {
        var mapper = new OtlpEventMapper(ClickHouseTestStore.Prices, new OtlpMappingOptions());
        return Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-metrics.json").Order(StringComparer.Ordinal)
            .SelectMany(f => mapper.Map(OtlpJsonDecoder.Decode(OtlpSignal.Metrics, File.ReadAllBytes(f))).Metrics)
            .ToList();
    }
}
