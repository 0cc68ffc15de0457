using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;

namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>What a DuckDB store file holds, read with a plain connection once no server has it open.</summary>
internal sealed record StoreContents(
    IReadOnlyList<StoredRequest> Requests,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyDictionary<string, double> TokenUsageDeltas,
    long MetricPoints)
{
    public IReadOnlyList<StoredEvent> EventsOf(string kind) => [.. Events.Where(e => e.Kind == kind)];

    public static async Task<StoreContents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        var requests = await QueryAsync(connection, """
            SELECT r.session_id, r.project, r.model, r.input_tokens, r.output_tokens, r.cache_read_tokens, r.cache_write_5m_tokens,
                   r.cache_write_1h_tokens, r.cost_reported_usd, r.cost_computed_usd, r.request_id, s.location
            FROM requests r LEFT JOIN sources s ON s.source_id = r.source_id
            ORDER BY r.ts
            """, r => new StoredRequest(
                String(r, 0), String(r, 1), String(r, 2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetDecimal(8), r.IsDBNull(9) ? null : r.GetDecimal(9), String(r, 10), String(r, 11)), cancellationToken);
        var events = await QueryAsync(connection, """
            SELECT kind, status_code, error_message, attempt, tool_name, tool_success, request_id, attributes
            FROM events ORDER BY ts, attempt
            """, r => new StoredEvent(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetInt32(1), String(r, 2), r.IsDBNull(3) ? null : r.GetInt32(3), String(r, 4),
                r.IsDBNull(5) ? null : r.GetBoolean(5), String(r, 6), Attributes(String(r, 7))), cancellationToken);
        // Reports sum metric_deltas.delta, never value (DuckDbMigrations, migration 3).
        var deltas = await QueryAsync(connection, """
            SELECT type, sum(delta) FROM metric_deltas WHERE name = 'claude_code.token.usage' GROUP BY type
            """, r => (Type: r.GetString(0), Sum: r.GetDouble(1)), cancellationToken);
        var points = await QueryAsync(connection, "SELECT count(*) FROM metric_points", r => r.GetInt64(0), cancellationToken);
        return new StoreContents(requests, events, deltas.ToDictionary(d => d.Type, d => d.Sum, StringComparer.Ordinal), points[0]);
    }

    private static async Task<List<T>> QueryAsync<T>(DuckDBConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Dictionary<string, string> Attributes(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
