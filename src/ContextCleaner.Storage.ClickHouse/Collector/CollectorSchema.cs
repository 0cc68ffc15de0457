namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// What the OpenTelemetry Collector's ClickHouse exporter created in a database. The exporter's layouts differ by
/// version: up to v0.150 <c>otel_logs</c> has <c>TimestampTime</c> (a DateTime copy used for partitioning); the
/// optional <c>EventName</c> column appeared late 2025; metrics and traces tables exist only when those signals are
/// exported. Queries use only columns present in every layout (<c>Timestamp</c>, <c>Body</c>, <c>LogAttributes</c>) plus
/// <c>EventName</c> when it exists, never <c>TimestampTime</c>.
/// </summary>
/// <param name="Database">Database of the tables.</param>
/// <param name="HasEventName">otel_logs has the EventName column.</param>
/// <param name="HasTimestampTime">otel_logs has the TimestampTime column (exporter ≤ v0.150).</param>
/// <param name="HasMetricsSum">otel_metrics_sum exists.</param>
/// <param name="HasTraces">otel_traces exists.</param>
internal sealed record CollectorSchema(string Database, bool HasEventName, bool HasTimestampTime, bool HasMetricsSum, bool HasTraces)
{
    public const string LogsTable = "otel_logs";
    public const string MetricsSumTable = "otel_metrics_sum";
    public const string TracesTable = "otel_traces";

    /// <summary>The layout in words, for health checks.</summary>
    public string Generation => (HasTimestampTime, HasEventName) switch
    {
        (true, true) => "otel_logs with TimestampTime and EventName (exporter ≤ v0.150 with the EventName column added)",
        (true, false) => "otel_logs with TimestampTime, without EventName (exporter mid-2024 to v0.150)",
        (false, true) => "otel_logs with EventName, without TimestampTime (exporter v0.151+)",
        (false, false) => "otel_logs without TimestampTime or EventName (exporter before mid-2024 or v0.151+ without EventName)",
    };

    /// <summary>
    /// The event name without the <c>claude_code.</c> prefix, as the OTLP mapper reads it: the <c>event.name</c>
    /// attribute, else EventName, else a <c>claude_code.*</c> body.
    /// </summary>
    public string EventNameExpression =>
        "multiIf(LogAttributes['event.name'] != '', replaceRegexpOne(LogAttributes['event.name'], '^claude_code\\\\.', ''), "
        + (HasEventName ? "EventName != '', replaceRegexpOne(EventName, '^claude_code\\\\.', ''), " : "")
        + "startsWith(Body, 'claude_code.'), substring(Body, 13), '')";

    /// <summary>Detects the tables and columns of <paramref name="database"/>; null when it has no otel_logs.</summary>
    public static async Task<CollectorSchema?> DetectAsync(ClickHouseGateway gateway, string database, CancellationToken cancellationToken)
    {
        var columns = await gateway.QueryAsync(
            "SELECT table, name FROM system.columns WHERE database = {db:String} AND table IN ({tables:Array(String)})",
            r => (Table: r.GetString(0), Column: r.GetString(1)), cancellationToken,
            ("db", database), ("tables", new[] { LogsTable, MetricsSumTable, TracesTable })).ConfigureAwait(false);
        if (!columns.Any(c => c.Table == LogsTable))
        {
            return null;
        }

        bool Has(string table, string column) => columns.Contains((table, column));
        return new CollectorSchema(database, Has(LogsTable, "EventName"), Has(LogsTable, "TimestampTime"),
            columns.Any(c => c.Table == MetricsSumTable), columns.Any(c => c.Table == TracesTable));
    }
}
