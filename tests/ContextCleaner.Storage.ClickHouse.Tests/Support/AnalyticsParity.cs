using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests.Support;

/// <summary>The analytics answers of two stores holding the same data, compared list for list (both order their rows).</summary>
internal static class AnalyticsParity
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Filters that cut through the data the tallies describe: none, a time window from the middle, a boundary one
    /// microsecond after the first event, the busiest session, a project and a project that does not exist.
    /// </summary>
    public static List<UsageQuery> Filters(IReadOnlyList<EventTally> tallies, string project)
    {
        var first = tallies.Min(t => t.FirstUtc);
        var last = tallies.Max(t => t.LastUtc);
        var middle = first + ((last - first) / 2);
        var busiest = tallies.Where(t => t.SessionId is not null).GroupBy(t => t.SessionId).MaxBy(g => g.Sum(t => t.Count))!.Key;
        return
        [
            new(),
            new() { FromUtc = middle, ToUtc = last },
            new() { FromUtc = first.AddMicroseconds(1) },
            new() { ToUtc = middle },
            new() { SessionId = busiest },
            new() { Project = project, FromUtc = first, ToUtc = middle },
            new() { Project = "no-such-project" },
        ];
    }

    /// <summary>Tallies, errors, tools and session metrics (in every cost mode) of <paramref name="actual"/> equal those of <paramref name="expected"/>.</summary>
    public static async Task AssertSameAsync(ITelemetryStore expected, ITelemetryStore actual, UsageQuery query)
    {
        var message = query.ToString();
        (await actual.QueryEventTalliesAsync(query, Token)).ShouldBe(await expected.QueryEventTalliesAsync(query, Token), customMessage: message);
        (await actual.QueryErrorsAsync(query, Token)).ShouldBe(await expected.QueryErrorsAsync(query, Token), customMessage: message);
        (await actual.QueryToolsAsync(query, Token)).ShouldBe(await expected.QueryToolsAsync(query, Token), customMessage: message);
        foreach (var mode in Enum.GetValues<CostMode>())
        {
            (await SessionMetricsService.BuildAsync(actual, query, mode, Token))
                .ShouldBe(await SessionMetricsService.BuildAsync(expected, query, mode, Token), customMessage: $"{mode} {message}");
        }
    }
}
