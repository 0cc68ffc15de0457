namespace ContextCleaner.Core.Events;

/// <summary>How a metric point's value relates to the points before it (OTLP's aggregation temporality).</summary>
public enum MetricTemporality
{
    /// <summary>Not a running quantity (a gauge) or not stated.</summary>
    Unspecified,

    /// <summary>The point counts only its own window: points add up (Claude Code's default).</summary>
    Delta,

    /// <summary>The point is the running total since its start time: only differences between points add up.</summary>
    Cumulative,
}
