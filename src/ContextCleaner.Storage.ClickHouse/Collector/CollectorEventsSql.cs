using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// Every Claude Code event other than api_request, with the columns of the native <c>events</c> table, as the OTLP
/// mapper makes them: log records from <c>otel_logs</c>; and, when <c>otel_traces</c> exists, every span as an
/// <c>other</c> event plus the attempts of an <c>llm_request</c> span as <c>api_error</c> retries (the failed last attempt
/// as the final failure). Copies count once: an exporter's retried rows, and a final failure seen both as a log record
/// and in a trace (same request id and attempt; the log record is kept, as the receiver keeps the first copy).
/// </summary>
internal static class CollectorEventsSql
{
    private const string KindsParameter = "{event_kinds:Array(String)}";

    private const string Columns =
        "ts, event_name, kind, session_id, project, model, duration_ms, status_code, error_message, error_type, attempt, tool_name, tool_success, attributes, request_id";

    private static readonly string[] EventKinds = [.. Enum.GetValues<EventKind>()
        .Where(k => k is not (EventKind.ApiRequest or EventKind.Other)).Select(EventKindNames.ToName)];

    public static (string Sql, List<(string Name, object? Value)> Parameters) Events(CollectorSchema schema, UsageQuery filter)
    {
        var (where, parameters) = ClickHouseUsageSql.Filter(filter);
        parameters.Add(("event_kinds", EventKinds));
        var branches = new List<string> { Logs(schema, where) };
        if (schema.HasTraces)
        {
            branches.Add(Spans(schema, where));
            branches.Add(Attempts(schema, where));
        }

        var sql = $"""
            SELECT {Columns} FROM (
            {string.Join("\nUNION ALL\n", branches.Select(b => $"SELECT {Columns}, priority, copy_key FROM ({b})"))}
            )
            ORDER BY priority
            LIMIT 1 BY copy_key
            """;
        return (sql, parameters);
    }

    // A final failure's key is (request id, attempt) in logs and traces alike; anything else is unique to its source.
    private static string Logs(CollectorSchema schema, string where) => $"""
        SELECT toDateTime64(Timestamp, 6, 'UTC') AS ts,
               {schema.EventNameExpression} AS event_name,
               if(has({KindsParameter}, event_name), event_name, 'other') AS kind,
               nullIf(LogAttributes['session.id'], '') AS session_id,
               CAST(NULL AS Nullable(String)) AS project,
               nullIf(LogAttributes['model'], '') AS model,
               {CollectorSql.LongOrNull("if(kind = 'api_retries_exhausted', LogAttributes['total_retry_duration_ms'], LogAttributes['duration_ms'])")} AS duration_ms,
               toInt32OrNull(LogAttributes['status_code']) AS status_code,
               nullIf(LogAttributes['error'], '') AS error_message,
               CAST(NULL AS Nullable(String)) AS error_type,
               toInt32OrNull(if(kind = 'api_retries_exhausted', LogAttributes['total_attempts'], LogAttributes['attempt'])) AS attempt,
               nullIf(LogAttributes['tool_name'], '') AS tool_name,
               {Bool("LogAttributes['success']")} AS tool_success,
               toJSONString(LogAttributes) AS attributes,
               nullIf(LogAttributes['request_id'], '') AS request_id,
               0 AS priority,
               if(kind = 'api_error' AND request_id IS NOT NULL AND attempt IS NOT NULL, concat('failure/', request_id, '/', toString(attempt)),
                  concat('log/', toString(Timestamp), '/', ifNull(session_id, ''), '/', event_name, '/', LogAttributes['event.sequence'], '/',
                         LogAttributes['attempt'])) AS copy_key
        FROM {schema.Database}.{CollectorSchema.LogsTable}
        WHERE event_name NOT IN ('', 'api_request') {CollectorSql.And(where)}
        """;

    private static string Spans(CollectorSchema schema, string where) => $"""
        SELECT toDateTime64(Timestamp, 6, 'UTC') AS ts,
               SpanName AS event_name,
               'other' AS kind,
               {Session} AS session_id,
               CAST(NULL AS Nullable(String)) AS project,
               nullIf(SpanAttributes['model'], '') AS model,
               ifNull({CollectorSql.LongOrNull("SpanAttributes['duration_ms']")}, toInt64(intDiv(Duration, 1000000))) AS duration_ms,
               CAST(NULL AS Nullable(Int32)) AS status_code,
               CAST(NULL AS Nullable(String)) AS error_message,
               CAST(NULL AS Nullable(String)) AS error_type,
               CAST(NULL AS Nullable(Int32)) AS attempt,
               nullIf(SpanAttributes['tool_name'], '') AS tool_name,
               {Bool("SpanAttributes['success']")} AS tool_success,
               toJSONString(SpanAttributes) AS attributes,
               nullIf(SpanAttributes['request_id'], '') AS request_id,
               1 AS priority,
               concat('span/', TraceId, '/', SpanId) AS copy_key
        FROM {schema.Database}.{CollectorSchema.TracesTable}
        WHERE 1 {CollectorSql.And(where)}
        """;

    // Attempts before the span's last were retried; the last is a failure only when the span failed.
    private static string Attempts(CollectorSchema schema, string where) => $"""
        SELECT toDateTime64(attempt_time, 6, 'UTC') AS ts,
               'api_error' AS event_name,
               'api_error' AS kind,
               {Session} AS session_id,
               CAST(NULL AS Nullable(String)) AS project,
               nullIf(SpanAttributes['model'], '') AS model,
               CAST(NULL AS Nullable(Int64)) AS duration_ms,
               number = last AS final,
               if(final, toInt32OrNull(SpanAttributes['status_code']), NULL) AS status_code,
               if(final, nullIf(if(SpanAttributes['error'] != '', SpanAttributes['error'], StatusMessage), ''), NULL) AS error_message,
               if(final, nullIf(SpanAttributes['error_class'], ''), NULL) AS error_type,
               toInt32(number) AS attempt,
               CAST(NULL AS Nullable(String)) AS tool_name,
               CAST(NULL AS Nullable(Bool)) AS tool_success,
               CAST(NULL AS Nullable(String)) AS attributes,
               if(final, nullIf(SpanAttributes['request_id'], ''), NULL) AS request_id,
               1 AS priority,
               if(final AND request_id IS NOT NULL, concat('failure/', request_id, '/', toString(number)),
                  concat('attempt/', TraceId, '/', SpanId, '/', toString(number))) AS copy_key
        FROM (
            SELECT TraceId, SpanId, SpanAttributes, StatusMessage, attempt_time,
                   ifNull(toInt64OrNull(attempt_attributes['attempt']), 0) AS number,
                   ifNull(toInt64OrNull(SpanAttributes['attempt']),
                          arrayMax(arrayMap(a -> ifNull(toInt64OrNull(a['attempt']), 0), arrayFilter((a, n) -> n = 'gen_ai.request.attempt', Events.Attributes, Events.Name)))) AS last,
                   lower(trimBoth(SpanAttributes['success'])) IN ('false', '0') OR StatusCode IN ('Error', 'STATUS_CODE_ERROR') AS failed
            FROM {schema.Database}.{CollectorSchema.TracesTable}
            ARRAY JOIN Events.Timestamp AS attempt_time, Events.Name AS attempt_name, Events.Attributes AS attempt_attributes
            WHERE SpanName = 'claude_code.llm_request' AND attempt_name = 'gen_ai.request.attempt'
        )
        WHERE number > 0 AND number <= last AND (number < last OR failed) {CollectorSql.And(where)}
        """;

    private const string Session =
        "nullIf(if(SpanAttributes['session.id'] != '', SpanAttributes['session.id'], SpanAttributes['gen_ai.conversation.id']), '')";

    private static string Bool(string value) =>
        $"multiIf(lower(trimBoth({value})) IN ('true', '1'), true, lower(trimBoth({value})) IN ('false', '0'), false, NULL)";
}
