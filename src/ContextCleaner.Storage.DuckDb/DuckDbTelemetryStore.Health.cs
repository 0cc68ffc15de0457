using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    // The tables reports read, in the order they are shown; import_files has no time column.
    private const string TableStatusSql = """
        SELECT 'api_requests', count(*), max(ts) FROM api_requests
        UNION ALL SELECT 'events', count(*), max(ts) FROM events
        UNION ALL SELECT 'metric_points', count(*), max(ts) FROM metric_points
        UNION ALL SELECT 'import_files', count(*), NULL::TIMESTAMP FROM import_files
        """;

    private static readonly string[] HealthTables = ["api_requests", "events", "metric_points", "import_files"];

    /// <inheritdoc />
    /// <remarks>Every table exists once <see cref="InitializeAsync"/> ran (the migrations create them), so each is reported present.</remarks>
    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        string version;
        int schema;
        await using (var command = Command("SELECT version(), (SELECT coalesce(max(version), 0) FROM schema_migrations)"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            version = reader.GetString(0);
            schema = reader.GetInt32(1);
        }

        var byName = new Dictionary<string, StoreTableStatus>(StringComparer.Ordinal);
        await using (var command = Command(TableStatusSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                byName[name] = new StoreTableStatus(name, true, reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
            }
        }

        var points = new Dictionary<MetricTemporality, long>();
        await using (var command = Command("SELECT temporality, count(*) FROM metric_points GROUP BY temporality"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var temporality = MetricTemporalityNames.FromName(reader.GetString(0));
                points[temporality] = points.GetValueOrDefault(temporality) + reader.GetInt64(1);
            }
        }

        var tables = HealthTables.Select(name => byName[name]).ToList();
        var newest = tables.Where(t => t.Name is "api_requests" or "events").Max(t => t.NewestUtc);
        return new StoreHealth
        {
            Store = Description,
            Engine = "DuckDB " + version,
            Mode = "embedded",
            Schema = "schema version " + schema.ToString(CultureInfo.InvariantCulture),
            Tables = tables,
            NewestEventUtc = newest,
            MetricPoints = points,
            Hints = StoreHealthHints.For(tables, newest, points, _time.GetUtcNow().UtcDateTime),
        };
    }
}
