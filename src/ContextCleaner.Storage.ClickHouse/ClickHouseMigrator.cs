namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Creates the database if missing and applies pending <see cref="ClickHouseMigrations"/>, recorded in
/// <c>schema_migrations</c>, then the location's TTL. ClickHouse has no DDL transactions: statements are idempotent
/// (<c>IF NOT EXISTS</c>) and the version is recorded last, so a migration cut short runs again whole.
/// </summary>
internal sealed class ClickHouseMigrator(ClickHouseGateway gateway, TimeProvider time)
{
    // Tables whose rows are events in time: the ones a TTL applies to (checkpoints and metadata are kept).
    private static readonly string[] EventTables = ["api_requests", "events", "metric_points"];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var database = gateway.Database;
        await gateway.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}", cancellationToken).ConfigureAwait(false);
        await gateway.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {database}.schema_migrations (version Int32, description String, applied_at DateTime64(6, 'UTC'))
            ENGINE = ReplacingMergeTree ORDER BY version
            """, cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(
            await gateway.ScalarAsync($"SELECT toInt32(coalesce(max(version), 0)) FROM {database}.schema_migrations", cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        foreach (var migration in ClickHouseMigrations.All.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements)
            {
                await gateway.ExecuteAsync(statement.Replace("{db}", database, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }

            await gateway.ExecuteAsync(
                $"INSERT INTO {database}.schema_migrations VALUES ({{version:Int32}}, {{description:String}}, {{applied_at:DateTime64(6, 'UTC')}})",
                cancellationToken, ("version", migration.Version), ("description", migration.Description), ("applied_at", time.GetUtcNow().UtcDateTime))
                .ConfigureAwait(false);
        }

        if (gateway.Location.TtlDays is { } days)
        {
            await ApplyTtlAsync(database, days, cancellationToken).ConfigureAwait(false);
        }
    }

    // MODIFY TTL is a metadata change when the TTL is unchanged and cheap otherwise (ttl_only_drop_parts is not set, so
    // expired rows go at the next merge); it is applied on every open so that changing ttl_days in the URI takes effect.
    // The number of days is a validated integer, not user text, and DDL cannot take parameters.
    private async Task ApplyTtlAsync(string database, int days, CancellationToken cancellationToken)
    {
        foreach (var table in EventTables)
        {
            var expression = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"toDateTime(ts) + toIntervalDay({days})");
            var current = await gateway.ScalarAsync(
                "SELECT engine_full FROM system.tables WHERE database = {db:String} AND name = {table:String}", cancellationToken,
                ("db", database), ("table", table)).ConfigureAwait(false) as string ?? "";
            if (!current.Contains($"TTL {expression}", StringComparison.Ordinal))
            {
                await gateway.ExecuteAsync($"ALTER TABLE {database}.{table} MODIFY TTL {expression}", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
