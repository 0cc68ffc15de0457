using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    // The tables reports read, in the order they are shown, and whether a row has a time (import checkpoints have none).
    private static readonly (string Name, bool Timed)[] HealthTables =
        [("api_requests", true), ("events", true), ("metric_points", true), ("import_files", false)];

    /// <inheritdoc />
    /// <remarks>
    /// Rows are counted with <c>FINAL</c>, as reports count them (a replaced copy not merged yet is not a second row). A
    /// table dropped outside context-cleaner is reported absent instead of failing the whole check.
    /// </remarks>
    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var version = await _gateway.VersionAsync(cancellationToken).ConfigureAwait(false);
        var present = (await _gateway.QueryAsync("SELECT name FROM system.tables WHERE database = {db:String}", r => r.GetString(0), cancellationToken,
            ("db", _database)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var schema = present.Contains("schema_migrations")
            ? Convert.ToInt32(await _gateway.ScalarAsync($"SELECT toInt32(coalesce(max(version), 0)) FROM {_database}.schema_migrations",
                cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture)
            : 0;

        var tables = new List<StoreTableStatus>();
        foreach (var (name, timed) in HealthTables)
        {
            tables.Add(present.Contains(name)
                ? await TableStatusAsync(name, timed, cancellationToken).ConfigureAwait(false)
                : new StoreTableStatus(name, false, null, null));
        }

        var points = new Dictionary<MetricTemporality, long>();
        if (present.Contains("metric_points"))
        {
            var rows = await _gateway.QueryAsync($"SELECT temporality, toInt64(count()) FROM {_database}.metric_points FINAL GROUP BY temporality",
                r => (Temporality: MetricTemporalityNames.FromName(r.GetString(0)), Count: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
            foreach (var (temporality, count) in rows)
            {
                points[temporality] = points.GetValueOrDefault(temporality) + count;
            }
        }

        var newest = tables.Where(t => t.Name is "api_requests" or "events").Max(t => t.NewestUtc);
        var hints = StoreHealthHints.For(tables, newest, points, _time.GetUtcNow().UtcDateTime).ToList();
        if (tables.Where(t => !t.Present).Select(t => t.Name).ToList() is { Count: > 0 } missing)
        {
            // Migrations are recorded as applied, so the next open would not re-create them; their statements are
            // idempotent (CREATE TABLE IF NOT EXISTS), so forgetting the record re-runs them without touching the rest.
            hints.Add($"Table{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} missing from database {_database} although schema version "
                + $"{schema.ToString(CultureInfo.InvariantCulture)} is recorded (dropped outside context-cleaner?): "
                + $"TRUNCATE TABLE {_database}.schema_migrations and the next command re-creates them, keeping the other tables' rows.");
        }

        return new StoreHealth
        {
            Store = Description,
            Engine = "ClickHouse " + version,
            Mode = "native",
            Schema = "schema version " + schema.ToString(CultureInfo.InvariantCulture),
            Tables = tables,
            NewestEventUtc = newest,
            MetricPoints = points,
            Hints = hints,
        };
    }

    // maxOrNull: ClickHouse's max() of no rows is the type's default (1970-01-01), not NULL.
    private async Task<StoreTableStatus> TableStatusAsync(string name, bool timed, CancellationToken cancellationToken)
    {
        var newest = timed ? "maxOrNull(ts)" : "CAST(NULL AS Nullable(DateTime64(6, 'UTC')))";
        var rows = await _gateway.QueryAsync($"SELECT toInt64(count()), {newest} FROM {_database}.{name} FINAL",
            r => new StoreTableStatus(name, true, r.GetInt64(0), r.IsDBNull(1) ? null : DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
