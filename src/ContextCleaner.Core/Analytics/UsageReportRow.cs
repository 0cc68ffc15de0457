using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Analytics;

/// <summary>One row of a usage report: a day, week, month or session.</summary>
public sealed record UsageReportRow
{
    /// <summary>Local date (<c>2025-10-01</c>), week start, month (<c>2025-10</c>) or session id.</summary>
    public required string Key { get; init; }

    /// <summary>Project of a session row.</summary>
    public string? Project { get; init; }

    /// <summary>Token sums over all models.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Cost over all models.</summary>
    public required decimal CostUsd { get; init; }

    /// <summary>Models in the order they were first used.</summary>
    public required IReadOnlyList<string> ModelsUsed { get; init; }

    /// <summary>Per-model usage, most expensive first.</summary>
    public required IReadOnlyList<ModelUsage> Models { get; init; }

    /// <summary>First request, UTC.</summary>
    public required DateTime FirstUtc { get; init; }

    /// <summary>Last request, UTC.</summary>
    public required DateTime LastUtc { get; init; }

    /// <summary>Number of requests.</summary>
    public required long Requests { get; init; }
}
