namespace ContextCleaner.Core.Analytics;

/// <summary>Row order of time-based reports.</summary>
public enum ReportOrder
{
    /// <summary>Oldest first.</summary>
    Ascending,

    /// <summary>Newest first.</summary>
    Descending,
}
