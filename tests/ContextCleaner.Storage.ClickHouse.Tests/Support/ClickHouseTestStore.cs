using ClickHouse.Driver.ADO;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ContextCleaner.Storage.ClickHouse.Tests.Support;

/// <summary>
/// A ClickHouse store in a database of its own on the real server scripts/clickhouse.sh starts (URL in
/// <see cref="UrlVariable"/>), dropped at the end; skips the test when no server is configured.
/// </summary>
internal sealed class ClickHouseTestStore : IAsyncDisposable
{
    public const string UrlVariable = "CONTEXT_CLEANER_TEST_CLICKHOUSE";

    private static readonly Lazy<PriceTable> ShippedPrices = new(() => PriceTableLoader.Load());

    private ClickHouseTestStore(ClickHouseStoreLocation location)
    {
        Location = location;
        Store = new ClickHouseTelemetryStore(location, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public ClickHouseStoreLocation Location { get; }

    public string ConnectionString => Location.ConnectionString;

    public string Database => Location.Database;

    public ClickHouseTelemetryStore Store { get; }

    public static PriceTable Prices => ShippedPrices.Value;

    public static async Task<ClickHouseTestStore> OpenAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip($"No local ClickHouse: run `bash scripts/clickhouse.sh start` and set {UrlVariable} to the URL it prints (scripts/test.sh does both).");
        }

        var test = new ClickHouseTestStore(LocationOn(url, "t_" + Guid.NewGuid().ToString("N")));
        await test.Store.InitializeAsync(TestContext.Current.CancellationToken);
        return test;
    }

    /// <summary>A location on the test server (<see cref="UrlVariable"/>), with URI options.</summary>
    public static ClickHouseStoreLocation LocationOn(string serverUrl, string database, string options = "")
    {
        var uri = new Uri(serverUrl);
        return ClickHouseStoreLocation.Parse($"clickhouse://{uri.Host}:{uri.Port}/{database}{options}", _ => null);
    }

    /// <summary>Imports transcripts as the CLI does.</summary>
    public static Task<ImportSummary> ImportAsync(ITelemetryStore store, TimeProvider time, string projectsDirectory)
    {
        var importer = new TranscriptImporter(store, Prices, time, new ImportOptions { Parallelism = 2 });
        var location = new ClaudeDataLocation([projectsDirectory], [projectsDirectory], "test");
        return importer.ImportAsync(location, null, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Every OTLP/JSON and OTLP/protobuf logs body of the fixtures (each covers part of the runs), decoded and mapped as
    /// the server does, one write per body.
    /// </summary>
    public static async Task WriteOtlpLogsAsync(ITelemetryStore store)
    {
        var mapper = new OtlpEventMapper(Prices, new OtlpMappingOptions());
        var bodies = Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-logs.json").Order(StringComparer.Ordinal)
            .Select(f => OtlpJsonDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f)))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-protobuf"), "*-logs.pb").Order(StringComparer.Ordinal)
                .Select(f => OtlpProtobufDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f))));
        foreach (var export in bodies)
        {
            var mapping = mapper.Map(export);
            await store.WriteAsync(new EventBatch(mapping.Events, []), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The sample transcripts and the OTLP fixture logs (the same Claude Code runs), in either order.</summary>
    public static async Task WriteSamplesAsync(ITelemetryStore store, TimeProvider time, bool transcriptsFirst)
    {
        if (transcriptsFirst)
        {
            await ImportAsync(store, time, RepositoryRoot.SampleProjects);
            await WriteOtlpLogsAsync(store);
        }
        else
        {
            await WriteOtlpLogsAsync(store);
            await ImportAsync(store, time, RepositoryRoot.SampleProjects);
        }
    }

    /// <summary>Usage rows in one order whatever order a store returns them in.</summary>
    public static List<UsageAggregate> Sorted(IReadOnlyList<UsageAggregate> rows) =>
        [.. rows.OrderBy(r => r.BucketStartUtc).ThenBy(r => r.SessionId, StringComparer.Ordinal).ThenBy(r => r.Project, StringComparer.Ordinal)
            .ThenBy(r => r.Model, StringComparer.Ordinal)];

    /// <summary>Usage entries in one order: both stores give them oldest first, requests of the same microsecond in any order.</summary>
    public static List<UsageEntry> Ordered(List<UsageEntry> entries) =>
        [.. entries.OrderBy(e => e.TimestampUtc).ThenBy(e => e.Model, StringComparer.Ordinal).ThenBy(e => e.Tokens.Total)];

    public static Task<UsageReport> ReportAsync(ITelemetryStore store, CostMode mode) =>
        UsageReportService.BuildAsync(store, new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = mode },
            TestContext.Current.CancellationToken);

    /// <summary>Runs a query on the test's server outside the store (to look at the tables themselves).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new ClickHouseConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await using var connection = new ClickHouseConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Database}";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
