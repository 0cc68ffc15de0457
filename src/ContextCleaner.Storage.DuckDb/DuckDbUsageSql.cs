using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>SQL for usage queries; every value from the user is a parameter.</summary>
internal static class DuckDbUsageSql
{
    private const string Model = "CASE WHEN speed = 'fast' THEN coalesce(model, 'unknown') || '-fast' ELSE coalesce(model, 'unknown') END";

    public static (string Sql, List<(string, object?)> Parameters) Aggregate(UsageQuery query)
    {
        var (where, parameters) = Filter(query);
        var groups = new List<string>();
        var bucket = "NULL::BIGINT";
        if (query.BucketMinutes is { } minutes)
        {
            bucket = "epoch_us(ts) // $bucket_us";
            parameters.Add(("bucket_us", minutes * 60_000_000L));
            groups.Add("bucket");
        }

        var session = "NULL";
        var project = "NULL";
        if (query.BySession)
        {
            session = "session_id";
            project = "project";
            groups.AddRange(["session_id", "project"]);
        }

        var sql = $"""
            SELECT {bucket} AS bucket, {session} AS session_id, {project} AS project, {Model} AS model_name,
                   CAST(sum(input_tokens) AS BIGINT), CAST(sum(output_tokens) AS BIGINT), CAST(sum(cache_read_tokens) AS BIGINT),
                   CAST(sum(cache_write_5m_tokens) AS BIGINT), CAST(sum(cache_write_1h_tokens) AS BIGINT),
                   count(*),
                   sum(coalesce(cost_computed_usd, 0)), sum(coalesce(cost_reported_usd, 0)),
                   sum(coalesce(cost_reported_usd, cost_computed_usd, 0)),
                   count(*) FILTER (WHERE cost_computed_usd IS NULL),
                   count(*) FILTER (WHERE cost_computed_usd IS NULL AND cost_reported_usd IS NULL),
                   min(ts), max(ts)
            FROM requests {where}
            GROUP BY {string.Join(", ", groups.Append("model_name"))}
            """;
        return (sql, parameters);
    }

    public static (string Sql, List<(string, object?)> Parameters) Entries(UsageQuery query)
    {
        var (where, parameters) = Filter(query);
        var sql = $"""
            SELECT ts, {Model}, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                   cost_computed_usd, cost_reported_usd
            FROM requests {where}
            ORDER BY ts
            """;
        return (sql, parameters);
    }

    /// <summary>The WHERE clause of a filter (columns <c>ts</c>, <c>project</c>, <c>session_id</c>), in DuckDB's parameter syntax.</summary>
    public static (string Where, List<(string Name, object? Value)> Parameters) Filter(UsageQuery query) =>
        UsageQueryFilter.Where(query, (name, _) => "$" + name);
}
