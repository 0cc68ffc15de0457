namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// The schema history. Append new migrations at the end; a shipped migration is never edited, because stores in the
/// field already applied it.
/// </summary>
/// <remarks>
/// API requests (the bulk of all events, read by every usage report) live in a narrow table of their own; every other
/// event kind lives in <c>events</c> with the wide error/tool columns. The managed appender pays per value, null or
/// not, so one wide table made a cold 1 GB import several times slower (see benchmarks/README.md). The view
/// <c>all_events</c> puts both back together in the canonical model's shape; the source file of every event is in
/// <c>sources</c>, referenced by id (a path per row was the single most expensive column to write). Since migration 2 a
/// source also holds the session and project all its events share (a transcript file belongs to one session); rows of
/// such a source leave those columns NULL, and the views <c>requests</c> and <c>all_events</c> resolve them. Read through
/// the views, write the tables. Per-row strings were most of the memory DuckDB holds for appended rows until a checkpoint.
/// </remarks>
internal static class DuckDbMigrations
{
    public static IReadOnlyList<DuckDbMigration> All { get; } =
    [
        new(1, "api_requests, events, sources, import checkpoints, store metadata",
        [
            "CREATE TABLE sources (source_id INTEGER PRIMARY KEY, location VARCHAR NOT NULL UNIQUE)",
            """
            CREATE TABLE api_requests (
                event_id UUID NOT NULL,
                ts TIMESTAMP NOT NULL,
                session_id VARCHAR,
                project VARCHAR,
                model VARCHAR,
                input_tokens BIGINT NOT NULL,
                output_tokens BIGINT NOT NULL,
                cache_read_tokens BIGINT NOT NULL,
                cache_write_5m_tokens BIGINT NOT NULL,
                cache_write_1h_tokens BIGINT NOT NULL,
                cost_reported_usd DECIMAL(18, 12),
                cost_computed_usd DECIMAL(18, 12),
                speed VARCHAR,
                request_id VARCHAR,
                is_sidechain BOOLEAN NOT NULL,
                duration_ms BIGINT,
                source_id INTEGER,
                source_offset BIGINT,
                attributes VARCHAR
            )
            """,
            """
            CREATE TABLE events (
                event_id UUID NOT NULL,
                kind VARCHAR NOT NULL,
                ts TIMESTAMP NOT NULL,
                session_id VARCHAR,
                project VARCHAR,
                model VARCHAR,
                duration_ms BIGINT,
                status_code INTEGER,
                error_message VARCHAR,
                error_type VARCHAR,
                attempt INTEGER,
                retry_in_ms BIGINT,
                tool_name VARCHAR,
                tool_success BOOLEAN,
                message_id VARCHAR,
                request_id VARCHAR,
                is_sidechain BOOLEAN NOT NULL,
                source_id INTEGER,
                source_offset BIGINT,
                attributes VARCHAR
            )
            """,
            """
            CREATE VIEW all_events AS
            SELECT event_id, 'api_request' AS kind, ts, session_id, project, model, input_tokens, output_tokens, cache_read_tokens,
                   cache_write_5m_tokens, cache_write_1h_tokens, cost_reported_usd, cost_computed_usd, speed, duration_ms,
                   NULL::INTEGER AS status_code, NULL AS error_message, NULL AS error_type, NULL::INTEGER AS attempt, NULL::BIGINT AS retry_in_ms,
                   NULL AS tool_name, NULL::BOOLEAN AS tool_success, NULL AS message_id, request_id, is_sidechain, source_id, source_offset, attributes
            FROM api_requests
            UNION ALL
            SELECT event_id, kind, ts, session_id, project, model, 0, 0, 0, 0, 0, NULL, NULL, NULL, duration_ms,
                   status_code, error_message, error_type, attempt, retry_in_ms, tool_name, tool_success, message_id, request_id,
                   is_sidechain, source_id, source_offset, attributes
            FROM events
            """,
            """
            CREATE TABLE import_files (
                path VARCHAR PRIMARY KEY,
                size BIGINT NOT NULL,
                last_write_ticks BIGINT NOT NULL,
                offset_bytes BIGINT NOT NULL,
                fingerprint UBIGINT NOT NULL,
                fingerprint_length INTEGER NOT NULL
            )
            """,
            "CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        ]),
        new(2, "session and project of a source file kept once in sources; views resolve them",
        [
            "ALTER TABLE sources ADD COLUMN session_id VARCHAR",
            "ALTER TABLE sources ADD COLUMN project VARCHAR",
            """
            UPDATE sources SET session_id = x.session_id, project = x.project
            FROM (SELECT source_id, any_value(session_id) AS session_id, any_value(project) AS project
                  FROM all_events WHERE source_id IS NOT NULL GROUP BY source_id) x
            WHERE sources.source_id = x.source_id
            """,
            """
            UPDATE api_requests SET session_id = NULL, project = NULL FROM sources s
            WHERE api_requests.source_id = s.source_id
              AND api_requests.session_id IS NOT DISTINCT FROM s.session_id AND api_requests.project IS NOT DISTINCT FROM s.project
            """,
            """
            UPDATE events SET session_id = NULL, project = NULL FROM sources s
            WHERE events.source_id = s.source_id
              AND events.session_id IS NOT DISTINCT FROM s.session_id AND events.project IS NOT DISTINCT FROM s.project
            """,
            """
            CREATE VIEW requests AS
            SELECT r.event_id, r.ts, coalesce(r.session_id, s.session_id) AS session_id, coalesce(r.project, s.project) AS project,
                   r.model, r.input_tokens, r.output_tokens, r.cache_read_tokens, r.cache_write_5m_tokens, r.cache_write_1h_tokens,
                   r.cost_reported_usd, r.cost_computed_usd, r.speed, r.request_id, r.is_sidechain, r.duration_ms, r.source_id,
                   r.source_offset, r.attributes
            FROM api_requests r LEFT JOIN sources s ON s.source_id = r.source_id
            """,
            "DROP VIEW all_events",
            """
            CREATE VIEW all_events AS
            SELECT event_id, 'api_request' AS kind, ts, session_id, project, model, input_tokens, output_tokens, cache_read_tokens,
                   cache_write_5m_tokens, cache_write_1h_tokens, cost_reported_usd, cost_computed_usd, speed, duration_ms,
                   NULL::INTEGER AS status_code, NULL AS error_message, NULL AS error_type, NULL::INTEGER AS attempt, NULL::BIGINT AS retry_in_ms,
                   NULL AS tool_name, NULL::BOOLEAN AS tool_success, NULL AS message_id, request_id, is_sidechain, source_id, source_offset, attributes
            FROM requests
            UNION ALL
            SELECT e.event_id, e.kind, e.ts, coalesce(e.session_id, s.session_id), coalesce(e.project, s.project), e.model, 0, 0, 0, 0, 0,
                   NULL, NULL, NULL, e.duration_ms, e.status_code, e.error_message, e.error_type, e.attempt, e.retry_in_ms, e.tool_name,
                   e.tool_success, e.message_id, e.request_id, e.is_sidechain, e.source_id, e.source_offset, e.attributes
            FROM events e LEFT JOIN sources s ON s.source_id = e.source_id
            """,
        ]),
        new(3, "api request ids keyed on the request id (shared with OpenTelemetry); metric points",
        [
            """
            CREATE TABLE metric_points (
                point_id UUID NOT NULL,
                series_id UUID NOT NULL,
                name VARCHAR NOT NULL,
                unit VARCHAR,
                temporality VARCHAR NOT NULL,
                is_monotonic BOOLEAN NOT NULL,
                start_ts TIMESTAMP,
                ts TIMESTAMP NOT NULL,
                value DOUBLE NOT NULL,
                count BIGINT,
                session_id VARCHAR,
                model VARCHAR,
                type VARCHAR,
                attributes VARCHAR
            )
            """,
            // A cumulative point is the running total of its series since start_ts: its delta is the difference to the
            // previous point of the same series and window start (the first point counts whole; a new start_ts is a
            // reset). Delta points are their own delta. Reports sum `delta`, never `value`.
            """
            CREATE VIEW metric_deltas AS
            SELECT *, CASE WHEN temporality = 'cumulative'
                           THEN value - coalesce(lag(value) OVER (PARTITION BY series_id, start_ts ORDER BY ts), 0)
                           ELSE value END AS delta
            FROM metric_points
            """,
        ], DuckDbRequestIds.RekeyAsync),
    ];
}
