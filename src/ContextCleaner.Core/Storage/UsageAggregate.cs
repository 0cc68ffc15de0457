using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>Sums over the API requests of one group (time bucket or session) and one model.</summary>
public sealed record UsageAggregate
{
    /// <summary>Start of the UTC time bucket, when grouping by time.</summary>
    public DateTime? BucketStartUtc { get; init; }

    /// <summary>Session, when grouping by session.</summary>
    public string? SessionId { get; init; }

    /// <summary>Project of a session group.</summary>
    public string? Project { get; init; }

    /// <summary>Model name (with a <c>-fast</c> suffix for fast-mode requests).</summary>
    public required string Model { get; init; }

    /// <summary>Token sums.</summary>
    public required TokenUsage Tokens { get; init; }

    /// <summary>Number of requests.</summary>
    public required long Requests { get; init; }

    /// <summary>Sum of computed costs (requests without a price count 0).</summary>
    public required decimal ComputedCostUsd { get; init; }

    /// <summary>Sum of reported costs (requests without one count 0).</summary>
    public required decimal ReportedCostUsd { get; init; }

    /// <summary>Sum of the reported cost where present, else the computed one.</summary>
    public required decimal AutoCostUsd { get; init; }

    /// <summary>Requests without a computed cost (model not in the price table).</summary>
    public required long UnpricedRequests { get; init; }

    /// <summary>Requests with neither a reported nor a computed cost.</summary>
    public required long UncostedRequests { get; init; }

    /// <summary>Earliest request, UTC.</summary>
    public required DateTime FirstUtc { get; init; }

    /// <summary>Latest request, UTC.</summary>
    public required DateTime LastUtc { get; init; }

    /// <summary>The sum of two aggregates of the same model.</summary>
    public UsageAggregate Plus(UsageAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Tokens = Tokens + other.Tokens,
            Requests = Requests + other.Requests,
            ComputedCostUsd = ComputedCostUsd + other.ComputedCostUsd,
            ReportedCostUsd = ReportedCostUsd + other.ReportedCostUsd,
            AutoCostUsd = AutoCostUsd + other.AutoCostUsd,
            UnpricedRequests = UnpricedRequests + other.UnpricedRequests,
            UncostedRequests = UncostedRequests + other.UncostedRequests,
            FirstUtc = FirstUtc < other.FirstUtc ? FirstUtc : other.FirstUtc,
            LastUtc = LastUtc > other.LastUtc ? LastUtc : other.LastUtc,
        };
    }
}
