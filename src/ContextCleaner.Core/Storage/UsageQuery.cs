namespace ContextCleaner.Core.Storage;

/// <summary>
/// Which API requests a store sums, and how finely. Stores group by UTC time buckets (or by session) and know nothing
/// of time zones: <see cref="Analytics.UsageReportService"/> rolls buckets up into local days, weeks and months, so
/// every store gives the same answer for every zone.
/// </summary>
public sealed record UsageQuery
{
    /// <summary>Group by fixed UTC buckets of this many minutes (null: no time grouping).</summary>
    public int? BucketMinutes { get; init; }

    /// <summary>Group by session (and project).</summary>
    public bool BySession { get; init; }

    /// <summary>First instant included, UTC.</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>First instant excluded, UTC.</summary>
    public DateTime? ToUtc { get; init; }

    /// <summary>Only this project (transcript folder name).</summary>
    public string? Project { get; init; }

    /// <summary>Only this session.</summary>
    public string? SessionId { get; init; }
}
