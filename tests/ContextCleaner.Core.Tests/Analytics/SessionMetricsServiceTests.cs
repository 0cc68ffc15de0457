using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class SessionMetricsServiceTests
{
    private static readonly DateTime T0 = new(2025, 11, 3, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task BuildAsync_UsageAndTallies_OneRowPerSessionNewestFirst()
    {
        var store = new InMemoryTelemetryStore();
        store.Aggregates.Add(Aggregate("s1", "p1", "sonnet", new(10, 1, 0, 0, 0), 2, computed: 0.20m, first: 5, last: 30));
        store.Aggregates.Add(Aggregate("s1", "p1", "haiku", new(20, 2, 0, 0, 0), 1, computed: 0.05m, first: 10, last: 10));
        store.Aggregates.Add(Aggregate("s2", "p2", "sonnet", new(40, 4, 0, 0, 0), 1, computed: 1.00m, first: 50, last: 50));
        store.Tallies.AddRange(
        [
            new("s1", EventKind.ApiRequest, 3, At(5), At(30)),
            new("s1", EventKind.UserPrompt, 2, At(1), At(20)),
            new("s1", EventKind.ApiError, 4, At(6), At(8)),
            new("s1", EventKind.ToolResult, 5, At(7), At(40)),
            new("s1", EventKind.ToolDecision, 6, At(7), At(39)),
            new("s1", EventKind.Compaction, 1, At(25), At(25)),
            new("s2", EventKind.ApiRequest, 1, At(50), At(50)),
            new("s3", EventKind.ApiError, 3, At(60), At(62)),
            new("s3", EventKind.ApiRetriesExhausted, 1, At(63), At(63)),
        ]);

        var rows = await SessionMetricsService.BuildAsync(store, new UsageQuery(), CostMode.Calculate, TestContext.Current.CancellationToken);

        // s3 failed before any request succeeded: no project, no tokens, but it is a session.
        rows.ShouldBe(
        [
            new SessionMetrics("s3", null, At(60), At(63), 0, default, 0m, 3, 1, 0, 0, 0),
            new SessionMetrics("s2", "p2", At(50), At(50), 1, new(40, 4, 0, 0, 0), 1.00m, 0, 0, 0, 0, 0),
            new SessionMetrics("s1", "p1", At(1), At(40), 3, new(30, 3, 0, 0, 0), 0.25m, 4, 0, 5, 2, 1),
        ]);
    }

    [Theory]
    [InlineData(CostMode.Auto, 90)]
    [InlineData(CostMode.Calculate, 60)]
    [InlineData(CostMode.Display, 70)]
    public async Task BuildAsync_CostMode_ChosenAsInUsageReports(CostMode mode, int expectedCents)
    {
        var store = new InMemoryTelemetryStore();
        // One model reported by Claude Code (0.70, computed 0.40), one only computed (0.20).
        store.Aggregates.Add(Aggregate("s1", "p1", "sonnet", new(1, 0, 0, 0, 0), 1, computed: 0.40m, reported: 0.70m, auto: 0.70m));
        store.Aggregates.Add(Aggregate("s1", "p1", "haiku", new(1, 0, 0, 0, 0), 1, computed: 0.20m, reported: 0m, auto: 0.20m));

        var rows = await SessionMetricsService.BuildAsync(store, new UsageQuery(), mode, TestContext.Current.CancellationToken);

        rows.ShouldHaveSingleItem().CostUsd.ShouldBe(expectedCents / 100m);
    }

    [Fact]
    public async Task BuildAsync_TranscriptAndOtlpOnlyGroups_OneRowWithTheTranscriptProject()
    {
        var store = new InMemoryTelemetryStore();
        // Requests only OpenTelemetry saw have no project; those with a transcript copy have one.
        store.Aggregates.Add(Aggregate("s1", null, "sonnet", new(1, 0, 0, 0, 0), 1, computed: 0.10m, first: 1, last: 2));
        store.Aggregates.Add(Aggregate("s1", "p1", "sonnet", new(2, 0, 0, 0, 0), 2, computed: 0.20m, first: 3, last: 4));

        var rows = await SessionMetricsService.BuildAsync(store, new UsageQuery(), CostMode.Calculate, TestContext.Current.CancellationToken);

        rows.ShouldBe([new SessionMetrics("s1", "p1", At(1), At(4), 3, new(3, 0, 0, 0, 0), 0.30m, 0, 0, 0, 0, 0)]);
    }

    [Fact]
    public async Task BuildAsync_Filter_UsageGroupedBySessionTalliesFilteredAlike()
    {
        var store = new InMemoryTelemetryStore();
        var filter = new UsageQuery { FromUtc = At(0), ToUtc = At(60), Project = "p1", SessionId = "s1", BucketMinutes = 15 };

        var rows = await SessionMetricsService.BuildAsync(store, filter, CostMode.Auto, TestContext.Current.CancellationToken);

        rows.ShouldBeEmpty();
        store.LastQuery.ShouldBe(filter with { BySession = true, BucketMinutes = null });
        store.LastTallyFilter.ShouldBe(filter);
    }

    [Fact]
    public async Task BuildAsync_SameLastActivity_OrderedBySessionId()
    {
        var store = new InMemoryTelemetryStore();
        store.Tallies.AddRange([new("b", EventKind.UserPrompt, 1, At(1), At(9)), new("a", EventKind.UserPrompt, 1, At(2), At(9))]);

        var rows = await SessionMetricsService.BuildAsync(store, new UsageQuery(), CostMode.Auto, TestContext.Current.CancellationToken);

        rows.Select(r => r.SessionId).ShouldBe(["a", "b"]);
    }

    private static DateTime At(int minutes) => T0.AddMinutes(minutes);

    private static UsageAggregate Aggregate(string session, string? project, string model, TokenUsage tokens, long requests, decimal computed,
        decimal reported = 0m, decimal? auto = null, int first = 0, int last = 0) => new()
        {
            SessionId = session,
            Project = project,
            Model = model,
            Tokens = tokens,
            Requests = requests,
            ComputedCostUsd = computed,
            ReportedCostUsd = reported,
            AutoCostUsd = auto ?? computed,
            UnpricedRequests = 0,
            UncostedRequests = 0,
            FirstUtc = At(first),
            LastUtc = At(last),
        };
}
