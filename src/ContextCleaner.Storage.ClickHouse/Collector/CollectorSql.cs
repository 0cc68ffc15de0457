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
    /// <summary>api_request records with the columns of the native <c>api_requests</c> table (no computed cost).</summary>
    public static (string Sql, List<(string Name, object? Value)> Parameters) Requests(CollectorSchema schema, UsageQuery filter)
    {
        var (where, parameters) = ClickHouseUsageSql.Filter(filter);
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

    // An integer attribute as the mapper reads it: an integer, or a number written with a fraction of zero ("45.0").
    internal static string Long(string key) => $"ifNull({LongOrNull($"LogAttributes['{key}']")}, 0)";

    internal static string LongOrNull(string value) =>
        $"ifNull(toInt64OrNull({value}), toInt64OrNull(toString(toFloat64OrNull({value}))))";

    // Claude Code sends float costs (0.08073374999999999): parsed wide and rounded to the stores' twelve places, half to
    // even, as the mapper does.
    private static string Usd(string key) =>
        $"toDecimal64(roundBankers(toDecimal128OrNull(LogAttributes['{key}'], 20), 12), 12)";

    internal static string And(string where) => where.Length == 0 ? "" : "AND " + where["WHERE ".Length..];
}
