using ClickHouse.Driver;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Tests.ClickHouse;

namespace ContextCleaner.Storage.ClickHouse.Tests.Collector;

/// <summary>
/// A database of its own on the test server holding the collector exporter's tables of one generation, dropped at the
/// end; skips the test when no server is configured.
/// </summary>
internal sealed class CollectorDatabase : IAsyncDisposable
{
    private CollectorDatabase(string serverUrl, CollectorGeneration generation)
    {
        Generation = generation;
        Name = "otel_" + Guid.NewGuid().ToString("N");
        ServerUrl = serverUrl;
        Client = new ClickHouseClient(ClickHouseTestStore.LocationOn(serverUrl, Name).ConnectionString);
    }

    public CollectorGeneration Generation { get; }

    public string Name { get; }

    public string ServerUrl { get; }

    public ClickHouseClient Client { get; }

    public static async Task<CollectorDatabase> CreateAsync(CollectorGeneration generation, bool withMetrics = true, bool withTraces = false)
    {
        var url = Environment.GetEnvironmentVariable(ClickHouseTestStore.UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip($"No local ClickHouse: run `bash scripts/clickhouse.sh start` and set {ClickHouseTestStore.UrlVariable} (scripts/test.sh does both).");
        }

        var database = new CollectorDatabase(url, generation);
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}");
        await database.ExecuteAsync(CollectorTables.Logs(database.Name, generation));
        if (withMetrics)
        {
            await database.ExecuteAsync(CollectorTables.MetricsSum(database.Name));
        }

        if (withTraces)
        {
            await database.ExecuteAsync(CollectorTables.Traces(database.Name));
        }

        return database;
    }

    /// <summary>The store location of this database (URI options such as <c>?mode=collector</c> appended).</summary>
    public ClickHouseStoreLocation Location(string options = "") => ClickHouseTestStore.LocationOn(ServerUrl, Name, options);

    /// <summary>Every log record of the OTLP fixtures (JSON and protobuf bodies), in file order.</summary>
    public static List<OtlpLogRecord> FixtureLogRecords() =>
    [
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-logs.json").Order(StringComparer.Ordinal)
            .SelectMany(f => OtlpJsonDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f)).Logs),
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-protobuf"), "*-logs.pb").Order(StringComparer.Ordinal)
            .SelectMany(f => OtlpProtobufDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f)).Logs),
    ];

    /// <summary>Every span of the OTLP fixtures' trace bodies.</summary>
    public static List<OtlpSpan> FixtureSpans() =>
    [
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-traces.json").Order(StringComparer.Ordinal)
            .SelectMany(f => OtlpJsonDecoder.Decode(OtlpSignal.Traces, File.ReadAllBytes(f)).Spans),
    ];

    public Task WriteSpansAsync(IEnumerable<OtlpSpan> spans) => CollectorExporter.WriteSpansAsync(Client, Name, spans);

    public Task WriteLogsAsync(IEnumerable<OtlpLogRecord> records) => CollectorExporter.WriteAsync(Client, Name, Generation, records);

    public Task ExecuteAsync(string sql) => Client.ExecuteNonQueryAsync(sql, null!, null!, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name}");
        Client.Dispose();
    }
}
