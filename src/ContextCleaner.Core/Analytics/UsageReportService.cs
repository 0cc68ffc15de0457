using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Analytics;

/// <summary>Answers a <see cref="ReportRequest"/> from any store.</summary>
public static class UsageReportService
{
    /// <summary>Builds the usage report.</summary>
    public static async Task<UsageReport> BuildAsync(ITelemetryStore store, ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var bySession = request.Period == UsagePeriod.Session;
        var query = StoreQuery(request) with
        {
            BySession = bySession,
            BucketMinutes = bySession ? null : LocalCalendar.BucketMinutes(request.TimeZone),
        };
        var aggregates = await store.QueryUsageAsync(query, cancellationToken).ConfigureAwait(false);
        var keyed = aggregates.Select(a => (Key: bySession
            ? a.SessionId ?? ""
            : LocalCalendar.PeriodKey(a.BucketStartUtc ?? a.FirstUtc, request.TimeZone, request.Period, request.StartOfWeek), Aggregate: a));
        return UsageReportBuilder.Build(keyed, request.Period, request.Mode, request.Order);
    }

    /// <summary>The store-level filter of a request (local days → UTC instants).</summary>
    public static UsageQuery StoreQuery(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new UsageQuery
        {
            FromUtc = request.Since is { } since ? LocalCalendar.StartOfDayUtc(since, request.TimeZone) : null,
            ToUtc = request.Until is { } until ? LocalCalendar.StartOfDayUtc(until.AddDays(1), request.TimeZone) : null,
            Project = request.Project,
            SessionId = request.SessionId,
        };
    }
}
