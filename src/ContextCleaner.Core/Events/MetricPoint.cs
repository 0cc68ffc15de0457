namespace ContextCleaner.Core.Events;

/// <summary>
/// One data point of a Claude Code metric (<c>claude_code.token.usage</c>, <c>claude_code.cost.usage</c>, …) as
/// received. Points are stored as sent; stores turn cumulative series into deltas when they read them, so a
/// cumulative point is never added to the one before it.
/// </summary>
public sealed class MetricPoint
{
    /// <summary>Deterministic id: the series and the point's window, so a re-sent point is stored once.</summary>
    public required Guid Id { get; init; }

    /// <summary>Id of the series (metric name, unit and every attribute): consecutive cumulative points share it.</summary>
    public required Guid SeriesId { get; init; }

    /// <summary>Metric name.</summary>
    public required string Name { get; init; }

    /// <summary>Unit as sent (Claude Code: <c>USD</c>, <c>tokens</c>, <c>s</c>, or empty for counts).</summary>
    public string? Unit { get; init; }

    /// <summary>Aggregation temporality.</summary>
    public required MetricTemporality Temporality { get; init; }

    /// <summary>Whether the metric only grows.</summary>
    public bool IsMonotonic { get; init; }

    /// <summary>Start of the point's window (UTC), when sent.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>End of the point's window (UTC).</summary>
    public required DateTime TimestampUtc { get; init; }

    /// <summary>The value (a histogram's or summary's sum).</summary>
    public required double Value { get; init; }

    /// <summary>Observation count of a histogram or summary point.</summary>
    public long? Count { get; init; }

    /// <summary>The <c>session.id</c> attribute.</summary>
    public string? SessionId { get; init; }

    /// <summary>The <c>model</c> attribute.</summary>
    public string? Model { get; init; }

    /// <summary>The <c>type</c> attribute (<c>input</c>, <c>output</c>, <c>cacheRead</c>, <c>cacheCreation</c>, <c>cli</c>, …).</summary>
    public string? Type { get; init; }

    /// <summary>Every other point attribute, as text.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
