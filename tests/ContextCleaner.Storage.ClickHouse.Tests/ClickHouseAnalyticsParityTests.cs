using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

/// <summary>
/// Event tallies, errors, tools and session metrics of the real fixtures (the transcripts of samples/ and the OTLP logs
/// the same Claude Code runs sent) from ClickHouse, equal to DuckDB's for every filter, whichever source came first.
/// </summary>
public sealed class ClickHouseAnalyticsParityTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RealFixtures_TranscriptsAndOtlp_SameAnalyticsAsDuckDb(bool transcriptsFirst)
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), clickHouse.Time);
        await duckDb.InitializeAsync(TestContext.Current.CancellationToken);

        foreach (var store in new ITelemetryStore[] { duckDb, clickHouse.Store })
        {
            await ClickHouseTestStore.WriteSamplesAsync(store, clickHouse.Time, transcriptsFirst);
        }

        var tallies = await duckDb.QueryEventTalliesAsync(new UsageQuery(), TestContext.Current.CancellationToken);
        // Not equal by being empty: 32 sessions, failures of both kinds, four tools.
        tallies.Select(t => t.SessionId).Distinct().Count().ShouldBe(32);
        (await duckDb.QueryErrorsAsync(new UsageQuery(), TestContext.Current.CancellationToken)).Select(e => e.Kind).Distinct().Count().ShouldBe(2);
        (await duckDb.QueryToolsAsync(new UsageQuery(), TestContext.Current.CancellationToken)).Count.ShouldBe(4);
        foreach (var query in AnalyticsParity.Filters(tallies, "-home-user-project"))
        {
            await AnalyticsParity.AssertSameAsync(duckDb, clickHouse.Store, query);
        }
    }

    [Fact]
    public async Task RealFixtures_WrittenTwice_AnalyticsUnchanged()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        var store = clickHouse.Store;
        await ClickHouseTestStore.ImportAsync(store, clickHouse.Time, RepositoryRoot.SampleProjects);
        await ClickHouseTestStore.WriteOtlpLogsAsync(store);
        var tallies = await store.QueryEventTalliesAsync(new UsageQuery(), TestContext.Current.CancellationToken);
        var errors = await store.QueryErrorsAsync(new UsageQuery(), TestContext.Current.CancellationToken);
        var tools = await store.QueryToolsAsync(new UsageQuery(), TestContext.Current.CancellationToken);

        await ClickHouseTestStore.WriteOtlpLogsAsync(store);

        // FINAL: a re-sent event never counts twice, merged or not.
        (await store.QueryEventTalliesAsync(new UsageQuery(), TestContext.Current.CancellationToken)).ShouldBe(tallies);
        (await store.QueryErrorsAsync(new UsageQuery(), TestContext.Current.CancellationToken)).ShouldBe(errors);
        (await store.QueryToolsAsync(new UsageQuery(), TestContext.Current.CancellationToken)).ShouldBe(tools);
    }
}
