using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// Usage sums over the collector's api_request records. The tables hold no computed cost, so the sums are split finely
/// enough for C# to price each part exactly (<see cref="CollectorPricing"/>): by raw model and speed, by UTC day (prices
/// are effective-dated by day), by long-context tier (how many of the price table's thresholds the request's prompt
/// exceeds) and by whether Claude Code reported a cost (auto mode takes that one). The parts are then added up to the
/// groups the query asked for.
/// </summary>
internal static class CollectorUsageSql
{
    private const string ThresholdsParameter = "{thresholds:Array(Int64)}";

    public static (string Sql, List<(string Name, object? Value)> Parameters) Parts(CollectorSchema schema, UsageQuery query, long[] thresholds)
    {
        var (requests, parameters) = CollectorSql.Requests(schema, query with { BucketMinutes = null, BySession = false });
        parameters.Add(("thresholds", thresholds));
        var bucket = "CAST(NULL AS Nullable(Int64))";
        if (query.BucketMinutes is { } minutes)
        {
            bucket = "intDiv(toUnixTimestamp64Micro(ts), {bucket_us:Int64})";
            parameters.Add(("bucket_us", minutes * 60_000_000L));
        }

        var session = query.BySession ? "session_id" : "CAST(NULL AS Nullable(String))";
        var project = query.BySession ? "project" : "CAST(NULL AS Nullable(String))";
        var sql = $"""
            SELECT {bucket} AS bucket, {session} AS session_key, {project} AS project_key, model, speed, toDate(ts) AS day,
                   arrayCount(t -> input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens > t, {ThresholdsParameter}) AS tier,
                   cost_reported_usd IS NOT NULL AS reported,
                   toInt64(sum(input_tokens)), toInt64(sum(output_tokens)), toInt64(sum(cache_read_tokens)),
                   toInt64(sum(cache_write_5m_tokens)), toInt64(sum(cache_write_1h_tokens)),
                   toInt64(count()), sum(coalesce(cost_reported_usd, toDecimal64(0, 12))), min(ts), max(ts)
            FROM ({requests})
            GROUP BY bucket, session_key, project_key, model, speed, day, tier, reported
            """;
        return (sql, parameters);
    }
}
