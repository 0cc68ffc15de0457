using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>Applies pending <see cref="DuckDbMigrations"/>, each in its own transaction, recorded in <c>schema_migrations</c>.</summary>
internal sealed class DuckDbMigrator(DuckDBConnection connection, TimeProvider time)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
            cancellationToken).ConfigureAwait(false);
        await using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var applied = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var latest = DuckDbMigrations.All[^1].Version;
        if (applied > latest)
        {
            throw new ContextCleaner.Core.ContextCleanerException(
                $"The store was written by a newer context-cleaner (schema {applied}, this version knows {latest}); upgrade context-cleaner.", 3);
        }

        foreach (var migration in DuckDbMigrations.All.Where(m => m.Version > applied))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var statement in migration.Statements)
            {
                await ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
            }

            if (migration.Code is { } code)
            {
                await code(connection, cancellationToken).ConfigureAwait(false);
            }

            await using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations VALUES ($version, $description, $applied)";
            record.Parameters.Add(new DuckDBParameter("version", migration.Version));
            record.Parameters.Add(new DuckDBParameter("description", migration.Description));
            record.Parameters.Add(new DuckDBParameter("applied", time.GetUtcNow().UtcDateTime));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
