using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Analytics;

/// <summary>A 5-hour billing block (or a gap between two), as ccusage's <c>blocks</c> report defines it.</summary>
public sealed record BillingBlock
{
    /// <summary>ISO start time, or <c>gap-</c> + ISO start for gaps.</summary>
    public required string Id { get; init; }

    /// <summary>Start (the first request's time floored to the UTC hour).</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>Start + block length.</summary>
    public required DateTime EndUtc { get; init; }

    /// <summary>Time of the last request; null for gaps.</summary>
    public DateTime? ActualEndUtc { get; init; }

    /// <summary>True while the block can still receive requests.</summary>
    public required bool IsActive { get; init; }

    /// <summary>True for a stretch without requests between blocks.</summary>
    public required bool IsGap { get; init; }

    /// <summary>Number of requests.</summary>
    public required int Entries { get; init; }

    /// <summary>Token sums.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Cost in the report's mode.</summary>
    public required decimal CostUsd { get; init; }

    /// <summary>Models in order of first use.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Burn rate of an active block.</summary>
    public BurnRate? BurnRate { get; init; }

    /// <summary>Projection to the end of an active block.</summary>
    public BlockProjection? Projection { get; init; }
}
