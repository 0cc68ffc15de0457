using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Core.Analytics;

/// <summary>What a user asks of a usage report.</summary>
public sealed record ReportRequest
{
    /// <summary>Row grouping.</summary>
    public UsagePeriod Period { get; init; } = UsagePeriod.Day;

    /// <summary>Time zone of days, weeks and months (and of <see cref="Since"/>/<see cref="Until"/>).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>First day of a week.</summary>
    public DayOfWeek StartOfWeek { get; init; } = DayOfWeek.Sunday;

    /// <summary>First local day included.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Last local day included.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Only this project.</summary>
    public string? Project { get; init; }

    /// <summary>Only this session.</summary>
    public string? SessionId { get; init; }

    /// <summary>Which cost to show.</summary>
    public CostMode Mode { get; init; } = CostMode.Auto;

    /// <summary>Row order of time reports.</summary>
    public ReportOrder Order { get; init; } = ReportOrder.Ascending;
}
