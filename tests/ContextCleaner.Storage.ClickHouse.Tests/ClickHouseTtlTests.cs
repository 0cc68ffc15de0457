using ContextCleaner.Storage.ClickHouse.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

public sealed class ClickHouseTtlTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TtlDays_SetOnTheEventTables_ChangedByTheNextOpen_CheckpointsKept()
    {
        await using var test = await ClickHouseTestStore.OpenAsync();
        var url = Environment.GetEnvironmentVariable(ClickHouseTestStore.UrlVariable)!;

        await using (var store = new ClickHouseTelemetryStore(ClickHouseTestStore.LocationOn(url, test.Database, "?ttl_days=90"), TimeProvider.System))
        {
            await store.InitializeAsync(Token);
        }

        (await Engine(test, "api_requests")).ShouldContain("TTL toDateTime(ts) + toIntervalDay(90)");
        (await Engine(test, "events")).ShouldContain("TTL toDateTime(ts) + toIntervalDay(90)");
        (await Engine(test, "metric_points")).ShouldContain("TTL toDateTime(ts) + toIntervalDay(90)");
        (await Engine(test, "import_files")).ShouldNotContain("TTL");

        await using (var store = new ClickHouseTelemetryStore(ClickHouseTestStore.LocationOn(url, test.Database, "?ttl_days=7"), TimeProvider.System))
        {
            await store.InitializeAsync(Token);
            await store.InitializeAsync(Token);
        }

        (await Engine(test, "api_requests")).ShouldContain("TTL toDateTime(ts) + toIntervalDay(7)");
    }

    private static async Task<string> Engine(ClickHouseTestStore test, string table) =>
        (string)(await test.ScalarAsync($"SELECT engine_full FROM system.tables WHERE database = '{test.Database}' AND name = '{table}'"))!;
}
