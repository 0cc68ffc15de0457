namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>OTLP <c>AggregationTemporality</c>.</summary>
public enum OtlpTemporality
{
    /// <summary>0: not set (gauges, summaries).</summary>
    Unspecified = 0,

    /// <summary>1: each point covers only its own window (Claude Code's default): points add up.</summary>
    Delta = 1,

    /// <summary>2: each point is the running total since <c>start_time_unix_nano</c>: points must not be added up.</summary>
    Cumulative = 2,
}
