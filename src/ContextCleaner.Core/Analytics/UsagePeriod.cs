namespace ContextCleaner.Core.Analytics;

/// <summary>What one row of a usage report covers.</summary>
public enum UsagePeriod
{
    /// <summary>A local calendar day (<c>YYYY-MM-DD</c>).</summary>
    Day,

    /// <summary>A local week, keyed by the date of its first day.</summary>
    Week,

    /// <summary>A local calendar month (<c>YYYY-MM</c>).</summary>
    Month,

    /// <summary>A Claude Code session.</summary>
    Session,
}
