using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

internal sealed partial class ClickHouseCollectorStore
{
    /// <summary>
    /// The exporter's tables as they are: rows of Claude Code (every otel_logs row is counted, the newest Claude Code
    /// event is what freshness means), the schema generation detected, metric points per temporality
    /// (<c>AggregationTemporality</c> 1 = delta, 2 = cumulative), and what is missing.
    /// </summary>
    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var version = await gateway.VersionAsync(cancellationToken).ConfigureAwait(false);
        var schema = await CollectorSchema.DetectAsync(gateway, gateway.Database, cancellationToken).ConfigureAwait(false) ?? Schema;
        var name = schema.EventNameExpression;
        var tables = new List<StoreTableStatus>
        {
            await StatusAsync(CollectorSchema.LogsTable, $"maxOrNull(if({name} != '', Timestamp, NULL))", cancellationToken).ConfigureAwait(false),
            schema.HasMetricsSum
                ? await StatusAsync(CollectorSchema.MetricsSumTable, "maxOrNull(TimeUnix)", cancellationToken).ConfigureAwait(false)
                : new StoreTableStatus(CollectorSchema.MetricsSumTable, false, null, null),
            schema.HasTraces
                ? await StatusAsync(CollectorSchema.TracesTable, "maxOrNull(Timestamp)", cancellationToken).ConfigureAwait(false)
                : new StoreTableStatus(CollectorSchema.TracesTable, false, null, null),
        };
        var points = new Dictionary<MetricTemporality, long>();
        if (schema.HasMetricsSum)
        {
            var rows = await gateway.QueryAsync(
                $"SELECT AggregationTemporality, toInt64(count()) FROM {gateway.Database}.{CollectorSchema.MetricsSumTable} WHERE startsWith(MetricName, 'claude_code.') GROUP BY AggregationTemporality",
                r => (Temporality: Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Count: r.GetInt64(1)), cancellationToken)
                .ConfigureAwait(false);
            foreach (var (temporality, count) in rows)
            {
                var kind = temporality switch { 1 => MetricTemporality.Delta, 2 => MetricTemporality.Cumulative, _ => MetricTemporality.Unspecified };
                points[kind] = points.GetValueOrDefault(kind) + count;
            }
        }

        var newest = tables[0].NewestUtc;
        var hints = StoreHealthHints.For(tables, newest, points, time.GetUtcNow().UtcDateTime).ToList();
        if (!schema.HasMetricsSum)
        {
            hints.Add($"No {CollectorSchema.MetricsSumTable} table: the collector exports no metrics here (a metrics pipeline with the clickhouse exporter, and OTEL_METRICS_EXPORTER=otlp for Claude Code).");
        }

        if (!schema.HasTraces)
        {
            hints.Add($"No {CollectorSchema.TracesTable} table: optional (Claude Code's traces are a beta feature).");
        }

        return new StoreHealth
        {
            Store = Description,
            Engine = "ClickHouse " + version,
            Mode = "collector",
            Schema = schema.Generation,
            Tables = tables,
            NewestEventUtc = newest,
            MetricPoints = points,
            Hints = hints,
        };
    }

    private async Task<StoreTableStatus> StatusAsync(string table, string newest, CancellationToken cancellationToken)
    {
        var rows = await gateway.QueryAsync($"SELECT toInt64(count()), toNullable(toDateTime64({newest}, 6, 'UTC')) FROM {gateway.Database}.{table}",
            r => new StoreTableStatus(table, true, r.GetInt64(0), r.IsDBNull(1) ? null : DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
