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
/// <c>sources</c>, referenced by id (a path per row was the single most expensive column to write).
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
    ];
}
