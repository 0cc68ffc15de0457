using System.Globalization;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class UsageReportServiceTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void StoreQuery_SinceAndUntilInNewYork_CoverTheLocalDaysInUtc()
    {
        // 9 March 2025 (DST starts): local day = 05:00Z to 04:00Z next day; --until includes the whole last day.
        var request = new ReportRequest
        {
            TimeZone = NewYork,
            Since = new DateOnly(2025, 3, 9),
            Until = new DateOnly(2025, 3, 10),
            Project = "-home-user-project",
            SessionId = "s-1",
        };

        var query = UsageReportService.StoreQuery(request);

        query.FromUtc.ShouldBe(new DateTime(2025, 3, 9, 5, 0, 0, DateTimeKind.Utc));
        query.ToUtc.ShouldBe(new DateTime(2025, 3, 11, 4, 0, 0, DateTimeKind.Utc));
        query.Project.ShouldBe("-home-user-project");
        query.SessionId.ShouldBe("s-1");
    }

    [Fact]
    public void StoreQuery_NoDates_IsUnbounded()
    {
        var query = UsageReportService.StoreQuery(new ReportRequest());

        query.FromUtc.ShouldBeNull();
        query.ToUtc.ShouldBeNull();
    }

    [Fact]
    public async Task BuildAsync_DailyInNewYork_PutsUtcBucketsIntoTheirLocalDays()
    {
        var store = new InMemoryTelemetryStore();
        store.Aggregates.Add(Aggregate("2025-03-10T03:00:00Z", computed: 1.00m));   // 23:00 EDT on 9 March
        store.Aggregates.Add(Aggregate("2025-03-10T04:00:00Z", computed: 0.25m));   // 00:00 EDT on 10 March
        store.Aggregates.Add(Aggregate("2025-03-09T04:00:00Z", computed: 0.50m));   // 23:00 EST on 8 March
        var request = new ReportRequest { TimeZone = NewYork, Mode = CostMode.Calculate };

        var report = await UsageReportService.BuildAsync(store, request, TestContext.Current.CancellationToken);

        report.Rows.Select(r => (r.Key, r.CostUsd)).ShouldBe([("2025-03-08", 0.50m), ("2025-03-09", 1.00m), ("2025-03-10", 0.25m)]);
        report.CostUsd.ShouldBe(1.75m);
        store.LastQuery!.BySession.ShouldBeFalse();
        store.LastQuery.BucketMinutes.ShouldNotBeNull();
        (60 % store.LastQuery.BucketMinutes.Value).ShouldBe(0);   // a bucket never straddles a local midnight
    }

    [Fact]
    public async Task BuildAsync_SessionReport_GroupsBySessionWithoutTimeBuckets()
    {
        var store = new InMemoryTelemetryStore();
        store.Aggregates.Add(Aggregate("2025-10-01T09:00:00Z", computed: 0.10m) with { SessionId = "s-1", Project = "p" });
        store.Aggregates.Add(Aggregate("2025-10-02T09:00:00Z", computed: 0.30m) with { SessionId = "s-2", Project = "p" });

        var report = await UsageReportService.BuildAsync(store, new ReportRequest { Period = UsagePeriod.Session, Mode = CostMode.Calculate },
            TestContext.Current.CancellationToken);

        store.LastQuery!.BySession.ShouldBeTrue();
        store.LastQuery.BucketMinutes.ShouldBeNull();
        report.Rows.Select(r => r.Key).ShouldBe(["s-2", "s-1"]);
    }

    private static UsageAggregate Aggregate(string bucketUtc, decimal computed)
    {
        var start = DateTime.Parse(bucketUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new UsageAggregate
        {
            BucketStartUtc = start,
            Model = "claude-sonnet-4-5-20250929",
            Tokens = new TokenUsage(10, 1, 0, 0, 0),
            Requests = 1,
            ComputedCostUsd = computed,
            ReportedCostUsd = 0m,
            AutoCostUsd = computed,
            UnpricedRequests = 0,
            UncostedRequests = 0,
            FirstUtc = start,
            LastUtc = start.AddMinutes(1),
        };
    }
}
