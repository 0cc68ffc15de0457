using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// The collector's <c>otel_logs</c> rows as the native tables' columns (<c>api_requests</c>, <c>events</c>), read the way
/// the OTLP mapper reads the same records: attributes are map strings that may be empty or missing, so every number goes
/// through an <c>…OrNull</c> conversion (never <c>toFloat64('')</c>, which fails the whole query), and copies the
/// exporter wrote twice (its retries) count once. The filter goes inside, before the de-duplication, so partition and
/// primary-key pruning on <c>Timestamp</c> still apply.
/// </summary>
internal static class CollectorSql
{
    private static readonly string[] EventKinds = [.. Enum.GetValues<EventKind>()
        .Where(k => k is not (EventKind.ApiRequest or EventKind.Other)).Select(EventKindNames.ToName)];

    private const string KindsParameter = "{event_kinds:Array(String)}";

    /// <summary>api_request records with the columns of the native <c>api_requests</c> table (no computed cost).</summary>
    public static (string Sql, List<(string Name, object? Value)> Parameters) Requests(CollectorSchema schema, UsageQuery filter)
    {
        var (where, parameters) = Filter(filter);
        var sql = $"""
            SELECT toDateTime64(Timestamp, 6, 'UTC') AS ts,
                   nullIf(LogAttributes['session.id'], '') AS session_id,
                   CAST(NULL AS Nullable(String)) AS project,
                   nullIf(LogAttributes['model'], '') AS model,
                   nullIf(LogAttributes['speed'], '') AS speed,
                   {Long("input_tokens")} AS input_tokens,
                   {Long("output_tokens")} AS output_tokens,
                   {Long("cache_read_tokens")} AS cache_read_tokens,
                   if(mapContains(LogAttributes, 'cache_creation_5m_tokens') OR mapContains(LogAttributes, 'cache_creation_1h_tokens'),
                      {Long("cache_creation_5m_tokens")}, {Long("cache_creation_tokens")}) AS cache_write_5m_tokens,
                   {Long("cache_creation_1h_tokens")} AS cache_write_1h_tokens,
                   {Usd("cost_usd")} AS cost_reported_usd,
                   {LongOrNull("LogAttributes['duration_ms']")} AS duration_ms,
                   nullIf(LogAttributes['request_id'], '') AS request_id
            FROM {schema.Database}.{CollectorSchema.LogsTable}
            WHERE {schema.EventNameExpression} = 'api_request' {And(where)}
            LIMIT 1 BY if(request_id IS NULL, concat(toString(Timestamp), toString(LogAttributes)), request_id)
            """;
        return (sql, parameters);
    }

    /// <summary>Every other Claude Code record with the columns of the native <c>events</c> table.</summary>
    public static (string Sql, List<(string Name, object? Value)> Parameters) Events(CollectorSchema schema, UsageQuery filter)
    {
        var (where, parameters) = Filter(filter);
        parameters.Add(("event_kinds", EventKinds));
        var sql = $"""
            SELECT toDateTime64(Timestamp, 6, 'UTC') AS ts,
                   {schema.EventNameExpression} AS event_name,
                   if(has({KindsParameter}, event_name), event_name, 'other') AS kind,
                   nullIf(LogAttributes['session.id'], '') AS session_id,
                   CAST(NULL AS Nullable(String)) AS project,
                   nullIf(LogAttributes['model'], '') AS model,
                   {LongOrNull("if(kind = 'api_retries_exhausted', LogAttributes['total_retry_duration_ms'], LogAttributes['duration_ms'])")} AS duration_ms,
                   toInt32OrNull(LogAttributes['status_code']) AS status_code,
                   nullIf(LogAttributes['error'], '') AS error_message,
                   CAST(NULL AS Nullable(String)) AS error_type,
                   toInt32OrNull(if(kind = 'api_retries_exhausted', LogAttributes['total_attempts'], LogAttributes['attempt'])) AS attempt,
                   nullIf(LogAttributes['tool_name'], '') AS tool_name,
                   multiIf(lower(trimBoth(LogAttributes['success'])) IN ('true', '1'), true,
                           lower(trimBoth(LogAttributes['success'])) IN ('false', '0'), false, NULL) AS tool_success,
                   toJSONString(LogAttributes) AS attributes,
                   nullIf(LogAttributes['request_id'], '') AS request_id
            FROM {schema.Database}.{CollectorSchema.LogsTable}
            WHERE event_name NOT IN ('', 'api_request') {And(where)}
            LIMIT 1 BY Timestamp, session_id, event_name, LogAttributes['event.sequence'], LogAttributes['attempt']
            """;
        return (sql, parameters);
    }

    // An integer attribute as the mapper reads it: an integer, or a number written with a fraction of zero ("45.0").
    private static string Long(string key) => $"ifNull({LongOrNull($"LogAttributes['{key}']")}, 0)";

    private static string LongOrNull(string value) =>
        $"ifNull(toInt64OrNull({value}), toInt64OrNull(toString(toFloat64OrNull({value}))))";

    // Claude Code sends float costs (0.08073374999999999): parsed wide and rounded to the stores' twelve places, half to
    // even, as the mapper does.
    private static string Usd(string key) =>
        $"toDecimal64(roundBankers(toDecimal128OrNull(LogAttributes['{key}'], 20), 12), 12)";

    private static string And(string where) => where.Length == 0 ? "" : "AND " + where["WHERE ".Length..];

    private static (string Where, List<(string Name, object? Value)> Parameters) Filter(UsageQuery query) => ClickHouseUsageSql.Filter(query);
}
