using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// SQL for usage queries, the DuckDB store's (<c>DuckDbUsageSql</c>) in ClickHouse's dialect so both stores give the
/// same answer; every value from the user is a parameter.
/// </summary>
internal static class ClickHouseUsageSql
{
    private const string Model = "if(speed = 'fast', concat(coalesce(model, 'unknown'), '-fast'), coalesce(model, 'unknown'))";

    public static (string Sql, List<(string, object?)> Parameters) Aggregate(string database, UsageQuery query)
    {
        var (where, parameters) = Filter(query);
        var groups = new List<string>();
        var bucket = "CAST(NULL AS Nullable(Int64))";
        if (query.BucketMinutes is { } minutes)
        {
            // Timestamps are after 1970, so intDiv (which truncates) floors as DuckDB's // does.
            bucket = "intDiv(toUnixTimestamp64Micro(ts), {bucket_us:Int64})";
            parameters.Add(("bucket_us", minutes * 60_000_000L));
            groups.Add("bucket");
        }

        var session = "CAST(NULL AS Nullable(String))";
        var project = "CAST(NULL AS Nullable(String))";
        if (query.BySession)
        {
            session = "session_id";
            project = "project";
            groups.AddRange(["session_id", "project"]);
        }

        var sql = $"""
            SELECT {bucket} AS bucket, {session} AS session_key, {project} AS project_key, {Model} AS model_name,
                   toInt64(sum(input_tokens)), toInt64(sum(output_tokens)), toInt64(sum(cache_read_tokens)),
                   toInt64(sum(cache_write_5m_tokens)), toInt64(sum(cache_write_1h_tokens)),
                   toInt64(count()),
                   sum(coalesce(cost_computed_usd, toDecimal64(0, 12))), sum(coalesce(cost_reported_usd, toDecimal64(0, 12))),
                   sum(coalesce(cost_reported_usd, cost_computed_usd, toDecimal64(0, 12))),
                   toInt64(countIf(cost_computed_usd IS NULL)),
                   toInt64(countIf(cost_computed_usd IS NULL AND cost_reported_usd IS NULL)),
                   min(ts), max(ts)
            FROM {database}.api_requests FINAL {where}
            GROUP BY {string.Join(", ", groups.Select(g => g switch { "session_id" => "session_key", "project" => "project_key", _ => g })
                .Append("model_name"))}
            """;
        return (sql, parameters);
    }

    public static (string Sql, List<(string, object?)> Parameters) Entries(string database, UsageQuery query)
    {
        var (where, parameters) = Filter(query);
        var sql = $"""
            SELECT ts, {Model}, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                   cost_computed_usd, cost_reported_usd
            FROM {database}.api_requests FINAL {where}
            ORDER BY ts
            """;
        return (sql, parameters);
    }

    public static (string Where, List<(string Name, object? Value)> Parameters) Filter(UsageQuery query) =>
        UsageQueryFilter.Where(query, (name, value) => value is DateTime ? $"{{{name}:DateTime64(6, 'UTC')}}" : $"{{{name}:String}}");
}
