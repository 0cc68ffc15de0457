namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// The native schema's history. Append new migrations at the end; a shipped migration is never edited.
/// </summary>
/// <remarks>
/// The tables mirror DuckDB's (<c>api_requests</c> narrow, every other kind in <c>events</c>) with three differences:
/// <list type="bullet">
/// <item>Session, project and source path are stored on every row instead of through a <c>sources</c> table: DuckDB's
/// appender paid per string, ClickHouse compresses a repeated column to almost nothing, and a join on every read costs
/// more here than the bytes saved.</item>
/// <item>Every table is a <c>ReplacingMergeTree</c> keyed by its identity and read with <c>FINAL</c>: the writer decides
/// in C# which copy of an event wins (<see cref="Core.Storage.DuplicatePreference"/>) and inserts the winner with a
/// higher <c>version</c>, so a re-sent or retried insert that slipped past that check still collapses to one row.</item>
/// <item><c>source</c> ('transcript' or 'otlp') is a column: duplicate resolution needs it and DuckDB reads it from the path.</item>
/// </list>
/// Event tables are partitioned by month of <c>ts</c>; background merges only collapse rows inside one partition, so
/// the writer deletes a replaced row itself when the winner falls in another month (see the Write aspect).
/// </remarks>
internal static class ClickHouseMigrations
{
    public static IReadOnlyList<ClickHouseMigration> All { get; } =
    [
        new(1, "api_requests, events, metric_points, import checkpoints, store metadata",
        [
            """
            CREATE TABLE IF NOT EXISTS {db}.api_requests (
                event_id UUID,
                ts DateTime64(6, 'UTC'),
                session_id Nullable(String),
                project Nullable(String),
                model LowCardinality(Nullable(String)),
                input_tokens Int64,
                output_tokens Int64,
                cache_read_tokens Int64,
                cache_write_5m_tokens Int64,
                cache_write_1h_tokens Int64,
                cost_reported_usd Nullable(Decimal(18, 12)),
                cost_computed_usd Nullable(Decimal(18, 12)),
                speed LowCardinality(Nullable(String)),
                request_id Nullable(String),
                is_sidechain Bool,
                duration_ms Nullable(Int64),
                source LowCardinality(String),
                source_path Nullable(String),
                source_offset Nullable(Int64),
                attributes Nullable(String),
                version UInt64
            ) ENGINE = ReplacingMergeTree(version) PARTITION BY toYYYYMM(ts) ORDER BY event_id
            """,
            """
            CREATE TABLE IF NOT EXISTS {db}.events (
                event_id UUID,
                kind LowCardinality(String),
                ts DateTime64(6, 'UTC'),
                session_id Nullable(String),
                project Nullable(String),
                model LowCardinality(Nullable(String)),
                duration_ms Nullable(Int64),
                status_code Nullable(Int32),
                error_message Nullable(String),
                error_type LowCardinality(Nullable(String)),
                attempt Nullable(Int32),
                retry_in_ms Nullable(Int64),
                tool_name LowCardinality(Nullable(String)),
                tool_success Nullable(Bool),
                message_id Nullable(String),
                request_id Nullable(String),
                is_sidechain Bool,
                source LowCardinality(String),
                source_path Nullable(String),
                source_offset Nullable(Int64),
                attributes Nullable(String)
            ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY event_id
            """,
            """
            CREATE TABLE IF NOT EXISTS {db}.metric_points (
                point_id UUID,
                series_id UUID,
                name LowCardinality(String),
                unit LowCardinality(Nullable(String)),
                temporality LowCardinality(String),
                is_monotonic Bool,
                start_ts Nullable(DateTime64(6, 'UTC')),
                ts DateTime64(6, 'UTC'),
                value Float64,
                count Nullable(Int64),
                session_id Nullable(String),
                model LowCardinality(Nullable(String)),
                type LowCardinality(Nullable(String)),
                attributes Nullable(String)
            ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY point_id
            """,
            """
            CREATE TABLE IF NOT EXISTS {db}.import_files (
                path String,
                size Int64,
                last_write_ticks Int64,
                offset_bytes Int64,
                fingerprint UInt64,
                fingerprint_length Int32
            ) ENGINE = ReplacingMergeTree ORDER BY path
            """,
            "CREATE TABLE IF NOT EXISTS {db}.store_meta (key String, value String) ENGINE = ReplacingMergeTree ORDER BY key",
        ]),
    ];
}
