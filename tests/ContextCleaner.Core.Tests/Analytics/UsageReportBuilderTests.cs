using System.Globalization;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class UsageReportBuilderTests
{
    private const string Sonnet = "claude-sonnet-4-5-20250929";
    private const string Opus = "claude-opus-4-1-20250805";
    private const string Haiku = "claude-haiku-4-5-20251001";

    [Fact]
    public void Build_SameDayAndModelInSeveralBuckets_MergesIntoOneModelLine()
    {
        (string, UsageAggregate)[] keyed =
        [
            ("2025-10-01", Aggregate(Sonnet, "2025-10-01T09:00:00Z", new TokenUsage(100, 10, 1_000, 50, 5), computed: 0.10m, requests: 2)),
            ("2025-10-01", Aggregate(Sonnet, "2025-10-01T17:00:00Z", new TokenUsage(200, 20, 2_000, 60, 6), computed: 0.25m, requests: 3)),
        ];

        var report = UsageReportBuilder.Build(keyed, UsagePeriod.Day, CostMode.Calculate, ReportOrder.Ascending);

        var row = report.Rows.ShouldHaveSingleItem();
        var model = row.Models.ShouldHaveSingleItem();
        model.Tokens.ShouldBe(new TokenUsage(300, 30, 3_000, 110, 11));
        model.CostUsd.ShouldBe(0.35m);
        model.Requests.ShouldBe(5);
        row.Requests.ShouldBe(5);
        row.FirstUtc.ShouldBe(Utc("2025-10-01T09:00:00Z"));
        row.LastUtc.ShouldBe(Utc("2025-10-01T17:30:00Z"));
        row.ModelsUsed.ShouldBe([Sonnet]);
    }

    [Fact]
    public void Build_SeveralDaysAndModels_TotalsEqualTheSumOfRows()
    {
        var report = UsageReportBuilder.Build(ThreeDays(), UsagePeriod.Day, CostMode.Calculate, ReportOrder.Ascending);

        report.Rows.Select(r => r.Key).ShouldBe(["2025-09-30", "2025-10-01", "2025-10-02"]);
        // Row costs: 0.01 + (0.30 + 1.20 + 0.02) + 0.0000001 = 1.5300001 — summed in decimal, no rounding drift.
        report.Rows.Select(r => r.CostUsd).ShouldBe([0.01m, 1.52m, 0.0000001m]);
        report.CostUsd.ShouldBe(1.5300001m);
        // Tokens: 10 + 100+1000+10 + 1 input; 1 + 10+100+1 + 1 output.
        report.Tokens.ShouldBe(new TokenUsage(1_121, 113, 0, 0, 0));
    }

    [Fact]
    public void Build_RowWithSeveralModels_ListsModelsByCostDescendingAndModelsUsedByFirstUse()
    {
        var report = UsageReportBuilder.Build(ThreeDays(), UsagePeriod.Day, CostMode.Calculate, ReportOrder.Ascending);

        var row = report.Rows.Single(r => r.Key == "2025-10-01");
        row.Models.Select(m => (m.Model, m.CostUsd)).ShouldBe([(Opus, 1.20m), (Sonnet, 0.30m), (Haiku, 0.02m)]);
        // Haiku first at 08:00, Sonnet at 10:00, Opus at 14:00.
        row.ModelsUsed.ShouldBe([Haiku, Sonnet, Opus]);
        row.Tokens.ShouldBe(new TokenUsage(1_110, 111, 0, 0, 0));
        row.Requests.ShouldBe(3);
    }

    [Fact]
    public void Build_DescendingOrder_PutsNewestDayFirst()
    {
        var report = UsageReportBuilder.Build(ThreeDays(), UsagePeriod.Day, CostMode.Calculate, ReportOrder.Descending);

        report.Rows.Select(r => r.Key).ShouldBe(["2025-10-02", "2025-10-01", "2025-09-30"]);
    }

    [Fact]
    public void Build_Sessions_SortedByCostDescendingWhateverTheOrderOption()
    {
        (string, UsageAggregate)[] keyed =
        [
            ("cheap", Aggregate(Sonnet, "2025-10-01T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.01m) with { Project = "p1" }),
            ("dear", Aggregate(Opus, "2025-09-01T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 5m) with { Project = "p2" }),
            ("middle", Aggregate(Sonnet, "2025-10-02T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.5m) with { Project = "p1" }),
            ("middle", Aggregate(Haiku, "2025-10-02T10:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.25m) with { Project = "p1" }),
        ];

        var ascending = UsageReportBuilder.Build(keyed, UsagePeriod.Session, CostMode.Calculate, ReportOrder.Ascending);
        var descending = UsageReportBuilder.Build(keyed, UsagePeriod.Session, CostMode.Calculate, ReportOrder.Descending);

        ascending.Rows.Select(r => (r.Key, r.CostUsd)).ShouldBe([("dear", 5m), ("middle", 0.75m), ("cheap", 0.01m)]);
        descending.Rows.Select(r => r.Key).ShouldBe(["dear", "middle", "cheap"]);
        ascending.Rows.Select(r => r.Project).ShouldBe(["p2", "p1", "p1"]);
        ascending.Period.ShouldBe(UsagePeriod.Session);
    }

    [Theory]
    [InlineData(CostMode.Auto, "0.70")]       // the store's reported-else-computed sums: 0.40 + 0.30
    [InlineData(CostMode.Calculate, "0.55")]  // computed: 0.25 + 0.30
    [InlineData(CostMode.Display, "0.40")]    // reported only: 0.40 + 0
    public void Build_CostMode_PicksTheMatchingCostSum(CostMode mode, string expected)
    {
        (string, UsageAggregate)[] keyed =
        [
            // Old transcript lines with costUSD: reported 0.40, computed 0.25.
            ("2025-10-01", Aggregate(Sonnet, "2025-10-01T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.25m) with { ReportedCostUsd = 0.40m, AutoCostUsd = 0.40m }),
            // New lines without costUSD: reported 0, computed 0.30.
            ("2025-10-01", Aggregate(Opus, "2025-10-01T10:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.30m)),
        ];

        var report = UsageReportBuilder.Build(keyed, UsagePeriod.Day, mode, ReportOrder.Ascending);

        report.CostUsd.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
        report.Rows.Single().CostUsd.ShouldBe(report.CostUsd);
    }

    [Theory]
    [InlineData(CostMode.Auto, 2)]       // requests with neither a reported nor a computed cost
    [InlineData(CostMode.Calculate, 5)]  // requests whose model has no price
    public void Build_UnpricedRequests_AreReportedPerModelSummedOverRows(CostMode mode, long expectedRequests)
    {
        (string, UsageAggregate)[] keyed =
        [
            ("2025-10-01", Aggregate("claude-next-9", "2025-10-01T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0m) with { UnpricedRequests = 3, UncostedRequests = 1 }),
            ("2025-10-02", Aggregate("claude-next-9", "2025-10-02T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0m) with { UnpricedRequests = 2, UncostedRequests = 1 }),
            ("2025-10-02", Aggregate(Sonnet, "2025-10-02T10:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.1m)),
        ];

        var report = UsageReportBuilder.Build(keyed, UsagePeriod.Day, mode, ReportOrder.Ascending);

        var unpriced = report.Unpriced.ShouldHaveSingleItem();
        unpriced.Model.ShouldBe("claude-next-9");
        unpriced.Requests.ShouldBe(expectedRequests);
        unpriced.Warning.ShouldContain($"{expectedRequests} request(s) of model \"claude-next-9\"");
    }

    [Fact]
    public void Build_DisplayMode_ReportsNoUnpricedModels()
    {
        (string, UsageAggregate)[] keyed =
        [
            ("2025-10-01", Aggregate("claude-next-9", "2025-10-01T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0m) with { UnpricedRequests = 3, UncostedRequests = 3 }),
        ];

        UsageReportBuilder.Build(keyed, UsagePeriod.Day, CostMode.Display, ReportOrder.Ascending).Unpriced.ShouldBeEmpty();
    }

    [Fact]
    public void Build_NoData_IsAnEmptyReportWithZeroTotals()
    {
        var report = UsageReportBuilder.Build([], UsagePeriod.Month, CostMode.Auto, ReportOrder.Ascending);

        report.Rows.ShouldBeEmpty();
        report.CostUsd.ShouldBe(0m);
        report.Tokens.ShouldBe(default);
        report.Unpriced.ShouldBeEmpty();
    }

    private static (string, UsageAggregate)[] ThreeDays() =>
    [
        ("2025-10-02", Aggregate(Sonnet, "2025-10-02T09:00:00Z", new TokenUsage(1, 1, 0, 0, 0), computed: 0.0000001m)),
        ("2025-10-01", Aggregate(Sonnet, "2025-10-01T10:00:00Z", new TokenUsage(100, 10, 0, 0, 0), computed: 0.30m)),
        ("2025-10-01", Aggregate(Opus, "2025-10-01T14:00:00Z", new TokenUsage(1_000, 100, 0, 0, 0), computed: 1.20m)),
        ("2025-10-01", Aggregate(Haiku, "2025-10-01T08:00:00Z", new TokenUsage(10, 1, 0, 0, 0), computed: 0.02m)),
        ("2025-09-30", Aggregate(Sonnet, "2025-09-30T23:00:00Z", new TokenUsage(10, 1, 0, 0, 0), computed: 0.01m)),
    ];

    private static UsageAggregate Aggregate(string model, string firstUtc, TokenUsage tokens, decimal computed, long requests = 1) => new()
    {
        BucketStartUtc = Utc(firstUtc),
        Model = model,
        Tokens = tokens,
        Requests = requests,
        ComputedCostUsd = computed,
        ReportedCostUsd = 0m,
        AutoCostUsd = computed,
        UnpricedRequests = 0,
        UncostedRequests = 0,
        FirstUtc = Utc(firstUtc),
        LastUtc = Utc(firstUtc).AddMinutes(30),
    };

    private static DateTime Utc(string iso) => DateTime.Parse(iso, CultureInfo.InvariantCulture,
        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
