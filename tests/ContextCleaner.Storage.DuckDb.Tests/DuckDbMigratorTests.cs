using ContextCleaner.Core.Events;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

public sealed class DuckDbMigratorTests
{
    [Fact]
    public async Task InitializeAsync_NewFile_CreatesSchemaAndRecordsEveryMigration()
    {
        await using var test = await TestStore.OpenAsync();

        var tables = await test.QueryFileAsync(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name");
        tables.Select(r => $"{r[0]} {r[1]}").ShouldBe(
        [
            "all_events VIEW", "api_requests BASE TABLE", "events BASE TABLE", "import_files BASE TABLE", "metric_deltas VIEW", "metric_points BASE TABLE", "requests VIEW",
            "schema_migrations BASE TABLE", "sources BASE TABLE", "store_meta BASE TABLE",
        ]);
        var migrations = await test.QueryFileAsync("SELECT version, applied_at FROM schema_migrations ORDER BY version");
        migrations.Select(r => (int)r[0]!).ShouldBe(DuckDbMigrations.All.Select(m => m.Version));
        migrations.ShouldAllBe(r => (DateTime)r[1]! == TestStore.Now.UtcDateTime);
    }

    [Fact]
    public async Task InitializeAsync_ReopenedFile_AppliesNoMigrationTwiceAndKeepsData()
    {
        await using var test = await TestStore.OpenAsync();
        var tokens = new TokenUsage(10, 20, 30, 40, 50);
        await test.WriteAsync([TestEvents.Request("r1", TestEvents.At(3, 10), tokens, 0.5m)]);

        test.Time.Advance(TimeSpan.FromDays(1));
        await test.ReopenAsync();
        test.Time.Advance(TimeSpan.FromDays(1));
        await test.ReopenAsync();

        var migrations = await test.QueryFileAsync("SELECT version, count(*), min(applied_at) FROM schema_migrations GROUP BY version ORDER BY version");
        migrations.Count.ShouldBe(DuckDbMigrations.All.Count);
        migrations.ShouldAllBe(r => (long)r[1]! == 1 && (DateTime)r[2]! == TestStore.Now.UtcDateTime);
        var totals = await test.TotalsAsync();
        totals.Tokens.ShouldBe(tokens);
        totals.CostUsd.ShouldBe(0.5m);
    }
}
