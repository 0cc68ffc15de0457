using ContextCleaner.Core.Events;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// Migration 3's code step: API requests stored under the (message id, request id) key get the request-id key that
/// OpenTelemetry's <c>api_request</c> shares, so a replayed transcript line written after the upgrade still meets its
/// stored copy. Requests without a request id keep their id.
/// </summary>
internal static class DuckDbRequestIds
{
    public static async Task RekeyAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var remap = new List<(Guid Old, Guid New)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT event_id, request_id FROM api_requests WHERE request_id IS NOT NULL";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                remap.Add((reader.GetGuid(0), EventIdentity.ForApiRequest(reader.GetString(1))));
            }
        }

        if (remap.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, "CREATE TEMP TABLE rekeyed (old_id UUID, new_id UUID)", cancellationToken).ConfigureAwait(false);
        using (var appender = connection.CreateAppender("temp", "main", "rekeyed"))
        {
            foreach (var (old, @new) in remap)
            {
                appender.CreateRow().AppendValue(old).AppendValue(@new).EndRow();
            }
        }

        await ExecuteAsync(connection, "UPDATE api_requests SET event_id = r.new_id FROM rekeyed r WHERE api_requests.event_id = r.old_id",
            cancellationToken).ConfigureAwait(false);
        // Two stored copies that now share an id (one request under two message ids) keep the first written.
        await ExecuteAsync(connection, """
            DELETE FROM api_requests WHERE rowid IN (
                SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY event_id ORDER BY rowid) AS n FROM api_requests) WHERE n > 1)
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "DROP TABLE rekeyed", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
