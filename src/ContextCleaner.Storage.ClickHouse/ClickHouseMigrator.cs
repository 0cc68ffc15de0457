using ClickHouse.Driver.ADO;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Creates the database if missing and applies pending <see cref="ClickHouseMigrations"/>, recorded in
/// <c>schema_migrations</c>. ClickHouse has no DDL transactions: statements are idempotent (<c>IF NOT EXISTS</c>) and
/// the version is recorded last, so a migration cut short runs again whole.
/// </summary>
internal sealed class ClickHouseMigrator(ClickHouseConnection connection, string database, TimeProvider time)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {database}.schema_migrations (version Int32, description String, applied_at DateTime64(6, 'UTC'))
            ENGINE = ReplacingMergeTree ORDER BY version
            """, cancellationToken).ConfigureAwait(false);
        int current;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT toInt32(coalesce(max(version), 0)) FROM {database}.schema_migrations";
            current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var migration in ClickHouseMigrations.All.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements)
            {
                await ExecuteAsync(statement.Replace("{db}", database, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }

            using var record = connection.CreateCommand();
            record.CommandText = $"INSERT INTO {database}.schema_migrations VALUES ({{version:Int32}}, {{description:String}}, {{applied_at:DateTime64(6, 'UTC')}})";
            ClickHouseCommands.Add(record, "version", migration.Version);
            ClickHouseCommands.Add(record, "description", migration.Description);
            ClickHouseCommands.Add(record, "applied_at", time.GetUtcNow().UtcDateTime);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
