namespace ContextCleaner.Storage.ClickHouse;

/// <summary>Which tables a ClickHouse store reads (and whether it writes).</summary>
public enum ClickHouseStoreMode
{
    /// <summary>The project's own tables when the database has them (or nothing at all), else the collector's.</summary>
    Auto,

    /// <summary>The project's own schema (<c>api_requests</c>, <c>events</c>, …): read and write.</summary>
    Native,

    /// <summary>The OpenTelemetry Collector exporter's tables (<c>otel_logs</c>, <c>otel_metrics_sum</c>, <c>otel_traces</c>), read as they are.</summary>
    Collector,
}
