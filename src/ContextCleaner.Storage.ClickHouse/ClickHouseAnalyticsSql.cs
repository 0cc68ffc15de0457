using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// SQL for the analytics queries (event tallies, errors, tools), the DuckDB store's (<c>DuckDbAnalyticsSql</c>) in
/// ClickHouse's dialect, with the same filter, columns and row order, so both stores answer with equal lists. Every
/// event table is read with <c>FINAL</c>; every value from the user is a parameter. The tables are named by the caller:
/// the native ones, or the collector's <c>otel_logs</c> seen as them (<see cref="Collector.CollectorSql"/>).
/// </summary>
internal static class ClickHouseAnalyticsSql
{
    public static (string Sql, List<(string, object?)> Parameters) Tallies(string requests, string events, UsageQuery query)
    {
        var (where, parameters) = ClickHouseUsageSql.Filter(query);
        var sql = $"""
            SELECT session_id, kind, toInt64(count()), min(ts), max(ts)
            FROM (
                SELECT session_id, 'api_request' AS kind, ts FROM {requests} {where}
                UNION ALL
                SELECT session_id, kind, ts FROM {events} {where}
            )
            GROUP BY session_id, kind
            ORDER BY session_id ASC NULLS LAST, kind ASC
            """;
        return (sql, parameters);
    }

    public static (string Sql, List<(string, object?)> Parameters) Errors(string events, UsageQuery query)
    {
        var (where, parameters) = ClickHouseUsageSql.Filter(query);
        var sql = $"""
            SELECT kind, status_code, error_type, model, toInt64(count()) AS failures, toInt64(uniqExact(session_id)),
                   max(attempt), min(ts), max(ts)
            FROM {events} {And(where, "kind IN ('api_error', 'api_retries_exhausted')")}
            GROUP BY kind, status_code, error_type, model
            ORDER BY failures DESC, kind ASC, status_code ASC NULLS LAST, error_type ASC NULLS LAST, model ASC NULLS LAST
            """;
        return (sql, parameters);
    }

    // The decision of a tool_decision is not a column: it stays in the attribute bag (JSON) the OTLP mapper keeps.
    public static (string Sql, List<(string, object?)> Parameters) Tools(string events, UsageQuery query)
    {
        var (where, parameters) = ClickHouseUsageSql.Filter(query);
        var sql = $"""
            SELECT tool_name,
                   toInt64(countIf(kind = 'tool_result')) AS results,
                   toInt64(countIf(kind = 'tool_result' AND tool_success = true)),
                   toInt64(countIf(kind = 'tool_result' AND tool_success = false)),
                   toInt64(countIf(kind = 'tool_result' AND duration_ms IS NOT NULL)),
                   toInt64(sumIf(ifNull(duration_ms, 0), kind = 'tool_result')),
                   toInt64(countIf(kind = 'tool_decision' AND JSONExtractString(ifNull(attributes, ''), 'decision') = 'accept')),
                   toInt64(countIf(kind = 'tool_decision' AND JSONExtractString(ifNull(attributes, ''), 'decision') = 'reject'))
            FROM {events} {And(where, "kind IN ('tool_result', 'tool_decision') AND tool_name IS NOT NULL AND tool_name != ''")}
            GROUP BY tool_name
            ORDER BY results DESC, tool_name ASC
            """;
        return (sql, parameters);
    }

    private static string And(string where, string condition) => where.Length == 0 ? "WHERE " + condition : $"{where} AND {condition}";
}
