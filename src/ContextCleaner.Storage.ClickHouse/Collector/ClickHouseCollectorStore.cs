using System.Runtime.CompilerServices;
using ContextCleaner.Core;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// A read-only store over the tables the OpenTelemetry Collector's ClickHouse exporter writes (the seed's pipeline:
/// Claude Code → Collector → ClickHouse), read as they are: every analytics query answers from <c>otel_logs</c> through
/// <see cref="CollectorSql"/>, with costs computed at read time from the current price table. Nothing is written:
/// import and <c>telemetry serve</c> need a native store.
/// </summary>
internal sealed partial class ClickHouseCollectorStore(ClickHouseGateway gateway, PriceTable prices, TimeProvider time) : ITelemetryStore
{
    private readonly CollectorPricing _pricing = new(prices);
    private CollectorSchema? _schema;

    public string Description => gateway.Location.DisplayUri;

    public CollectorSchema Schema => _schema ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _schema = await CollectorSchema.DetectAsync(gateway, gateway.Database, cancellationToken).ConfigureAwait(false)
            ?? throw new ContextCleanerException(
                $"ClickHouse at {Description}: no {CollectorSchema.LogsTable} table in database {gateway.Database} — collector mode reads the " +
                "OpenTelemetry Collector's tables; check the exporter's database, or use ?mode=native for the project's own schema.");
    }

    public Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken) => throw ReadOnly();

    public Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken) => throw ReadOnly();

    public async Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = CollectorUsageSql.Parts(Schema, query, _pricing.Thresholds);
        var parts = await gateway.QueryAsync(sql, ReadPart, cancellationToken, [.. parameters]).ConfigureAwait(false);
        return [.. parts
            .Select(p => _pricing.Aggregate(p, query.BucketMinutes))
            .GroupBy(a => (a.BucketStartUtc, a.SessionId, a.Project, a.Model))
            .Select(g => g.Aggregate((x, y) => x.Plus(y)))];
    }

    public async IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (requests, parameters) = CollectorSql.Requests(Schema, filter);
        var sql = $"""
            SELECT ts, model, speed, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cost_reported_usd
            FROM ({requests}) ORDER BY ts
            """;
        var rows = gateway.StreamAsync(sql, r =>
        {
            var ts = DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc);
            var model = r.IsDBNull(1) ? null : r.GetString(1);
            var speed = r.IsDBNull(2) ? null : r.GetString(2);
            var tokens = new TokenUsage(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
            return new UsageEntry(ts, CollectorPricing.ModelName(model, speed), tokens, _pricing.Cost(model, ts, tokens, speed),
                r.IsDBNull(8) ? null : r.GetDecimal(8));
        }, cancellationToken, [.. parameters]);
        await foreach (var entry in rows.ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    public async Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken)
    {
        var all = new UsageQuery();
        var (requests, requestParameters) = CollectorSql.Requests(Schema, all);
        var (events, eventParameters) = CollectorEventsSql.Events(Schema, all);
        var rows = await gateway.QueryAsync($"""
            SELECT 'api_request', toInt64(count()) FROM ({requests})
            UNION ALL SELECT kind, toInt64(count()) FROM ({events}) GROUP BY kind
            """, r => (Kind: EventKindNames.FromName(r.GetString(0)), Count: r.GetInt64(1)), cancellationToken,
            [.. requestParameters, .. eventParameters]).ConfigureAwait(false);
        var counts = new Dictionary<EventKind, long>();
        foreach (var (kind, count) in rows.Where(r => r.Count > 0))
        {
            counts[kind] = counts.GetValueOrDefault(kind) + count;
        }

        return counts;
    }

    // Costs are computed at read time with the table in effect, so they are always current: nothing to reprice.
    public Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(_pricing.Version);

    public IAsyncEnumerable<PricingInput> ReadPricingInputsAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<PricingInput>();

    public Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ContextCleanerException ReadOnly() => new(
        $"ClickHouse at {Description} holds the OpenTelemetry Collector's tables, which are read-only here: import and telemetry serve " +
        "write to a native store (a DuckDB file, or a ClickHouse database with ?mode=native).", 2);

    private static CollectorUsagePart ReadPart(System.Data.Common.DbDataReader r) => new(
        r.IsDBNull(0) ? null : r.GetInt64(0),
        r.IsDBNull(1) ? null : r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        DateOnly.FromDateTime(r.GetDateTime(5)),
        Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToBoolean(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
        new TokenUsage(r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12)),
        r.GetInt64(13),
        r.GetDecimal(14),
        DateTime.SpecifyKind(r.GetDateTime(15), DateTimeKind.Utc),
        DateTime.SpecifyKind(r.GetDateTime(16), DateTimeKind.Utc));
}
