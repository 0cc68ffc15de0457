namespace ContextCleaner.Tests.ClickHouse;

/// <summary>The OpenTelemetry Collector ClickHouse exporter's otel_logs layouts (reference/telemetry-formats.md §3.2).</summary>
public enum CollectorGeneration
{
    /// <summary>Mid-2024 to v0.150: TimestampTime, partitioned and keyed by it; no EventName.</summary>
    WithTimestampTime,

    /// <summary>v0.151+: no TimestampTime, EventName column, keyed by five-minute slots of Timestamp.</summary>
    WithEventName,
}
