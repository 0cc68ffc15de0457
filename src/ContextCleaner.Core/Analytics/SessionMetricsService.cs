using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Analytics;

/// <summary>
/// One <see cref="SessionMetrics"/> row per session from any store: token and cost sums from the session usage query,
/// counts and the time span from the event tallies. Most recently active session first.
/// </summary>
public static class SessionMetricsService
{
    /// <summary>Builds the rows of every session with an event matching <paramref name="filter"/> (its grouping is ignored).</summary>
    /// <param name="store">Where the events are.</param>
    /// <param name="filter">Time span, project and session filter.</param>
    /// <param name="mode">Which cost to sum, as the usage reports choose it (<see cref="UsageReportBuilder.Cost"/>).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<IReadOnlyList<SessionMetrics>> BuildAsync(ITelemetryStore store, UsageQuery filter, CostMode mode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var usage = await store.QueryUsageAsync(filter with { BySession = true, BucketMinutes = null }, cancellationToken).ConfigureAwait(false);
        var tallies = await store.QueryEventTalliesAsync(filter, cancellationToken).ConfigureAwait(false);
        var usageBySession = usage.ToLookup(a => a.SessionId, StringComparer.Ordinal);
        var talliesBySession = tallies.ToLookup(t => t.SessionId, StringComparer.Ordinal);
        return
        [
            .. usage.Select(a => a.SessionId).Concat(tallies.Select(t => t.SessionId)).Distinct(StringComparer.Ordinal)
                .Select(session => Row(session, [.. usageBySession[session]], [.. talliesBySession[session]], mode))
                .OrderByDescending(r => r.LastUtc)
                .ThenBy(r => r.SessionId, StringComparer.Ordinal),
        ];
    }

    private static SessionMetrics Row(string? session, List<UsageAggregate> usage, List<EventTally> tallies, CostMode mode)
    {
        long Count(EventKind kind) => tallies.Where(t => t.Kind == kind).Sum(t => t.Count);

        // A request's transcript copy knows the project, its OpenTelemetry copy does not: the first project by name, so
        // the row does not depend on the order the store returns its groups in.
        var project = usage.Select(a => a.Project).Where(p => p is not null).Order(StringComparer.Ordinal).FirstOrDefault();
        var first = usage.Select(a => a.FirstUtc).Concat(tallies.Select(t => t.FirstUtc)).Min();
        var last = usage.Select(a => a.LastUtc).Concat(tallies.Select(t => t.LastUtc)).Max();
        return new SessionMetrics(session, project, first, last, usage.Sum(a => a.Requests),
            usage.Aggregate(default(TokenUsage), (sum, a) => sum + a.Tokens), usage.Sum(a => UsageReportBuilder.Cost(a, mode)),
            Count(EventKind.ApiError), Count(EventKind.ApiRetriesExhausted), Count(EventKind.ToolResult), Count(EventKind.UserPrompt),
            Count(EventKind.Compaction));
    }
}
