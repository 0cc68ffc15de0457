using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// SQL for the analytics queries (event tallies, errors, tools), filtered like the usage queries; every value from the
/// user is a parameter. Reads the views, which resolve session and project through <c>sources</c>. Rows come in a
/// fixed order that the ClickHouse store (<c>ClickHouseAnalyticsSql</c>) repeats, so both answer with equal lists.
/// </summary>
internal static class DuckDbAnalyticsSql
{
    public static (string Sql, List<(string, object?)> Parameters) Tallies(UsageQuery query)
    {
        var (where, parameters) = DuckDbUsageSql.Filter(query);
        var sql = $"""
            SELECT session_id, kind, count(*), min(ts), max(ts)
            FROM all_events {where}
            GROUP BY session_id, kind
            ORDER BY session_id NULLS LAST, kind
            """;
        return (sql, parameters);
    }

    public static (string Sql, List<(string, object?)> Parameters) Errors(UsageQuery query)
    {
        var (where, parameters) = DuckDbUsageSql.Filter(query);
        var sql = $"""
            SELECT kind, status_code, error_type, model, count(*) AS failures, count(DISTINCT session_id), max(attempt), min(ts), max(ts)
            FROM all_events {And(where, "kind IN ('api_error', 'api_retries_exhausted')")}
            GROUP BY kind, status_code, error_type, model
            ORDER BY failures DESC, kind, status_code NULLS LAST, error_type NULLS LAST, model NULLS LAST
            """;
        return (sql, parameters);
    }

    // The decision of a tool_decision is not a column: it stays in the attribute bag (JSON) the OTLP mapper keeps.
    public static (string Sql, List<(string, object?)> Parameters) Tools(UsageQuery query)
    {
        var (where, parameters) = DuckDbUsageSql.Filter(query);
        var sql = $"""
            SELECT tool_name,
                   count(*) FILTER (WHERE kind = 'tool_result') AS results,
                   count(*) FILTER (WHERE kind = 'tool_result' AND tool_success),
                   count(*) FILTER (WHERE kind = 'tool_result' AND NOT tool_success),
                   count(*) FILTER (WHERE kind = 'tool_result' AND duration_ms IS NOT NULL),
                   CAST(coalesce(sum(duration_ms) FILTER (WHERE kind = 'tool_result'), 0) AS BIGINT),
                   count(*) FILTER (WHERE kind = 'tool_decision' AND json_extract_string(attributes, '$.decision') = 'accept'),
                   count(*) FILTER (WHERE kind = 'tool_decision' AND json_extract_string(attributes, '$.decision') = 'reject')
            FROM all_events {And(where, "kind IN ('tool_result', 'tool_decision') AND tool_name IS NOT NULL AND tool_name <> ''")}
            GROUP BY tool_name
            ORDER BY results DESC, tool_name
            """;
        return (sql, parameters);
    }

    private static string And(string where, string condition) => where.Length == 0 ? "WHERE " + condition : $"{where} AND {condition}";
}
