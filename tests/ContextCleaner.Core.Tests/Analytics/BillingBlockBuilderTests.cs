using System.Globalization;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class BillingBlockBuilderTests
{
    private const string Sonnet = "claude-sonnet-4-5-20250929";
    private const string Opus = "claude-opus-4-1-20250805";
    private const string Haiku = "claude-haiku-4-5-20251001";
    private static readonly TimeSpan FiveHours = TimeSpan.FromHours(5);
    private static readonly DateTime LongAfter = Utc("2025-10-09T00:00:00Z");

    // 1,000 input + 200 output + 3,000 cache read + 500 cache write = 4,700 tokens per request.
    private static readonly TokenUsage Request = new(1_000, 200, 3_000, 500, 0);

    [Fact]
    public void Build_FirstRequest_StartsBlockAtItsUtcHourAndLastsFiveHours()
    {
        var blocks = Build([Entry("2025-10-01T10:20:30.123Z")], LongAfter);

        var block = blocks.ShouldHaveSingleItem();
        block.Id.ShouldBe("2025-10-01T10:00:00.000Z");
        block.StartUtc.ShouldBe(Utc("2025-10-01T10:00:00Z"));
        block.EndUtc.ShouldBe(Utc("2025-10-01T15:00:00Z"));
        block.ActualEndUtc.ShouldBe(Utc("2025-10-01T10:20:30.123Z"));
        block.IsGap.ShouldBeFalse();
        block.IsActive.ShouldBeFalse();
        block.Entries.ShouldBe(1);
        block.Tokens.Total.ShouldBe(4_700);
    }

    [Fact]
    public void Build_RequestMoreThanFiveHoursAfterBlockStart_StartsNewBlockWithoutGap()
    {
        // 15:10 is 5 h 10 min after the 10:00 block start, but only 3 h 10 min after the last request.
        var blocks = Build([Entry("2025-10-01T10:20:00Z"), Entry("2025-10-01T12:00:00Z"), Entry("2025-10-01T15:10:00Z")], LongAfter);

        blocks.Select(b => (b.Id, b.Entries, b.IsGap)).ShouldBe(
        [
            ("2025-10-01T10:00:00.000Z", 2, false),
            ("2025-10-01T15:00:00.000Z", 1, false),
        ]);
    }

    [Fact]
    public void Build_RequestExactlyFiveHoursAfterBlockStart_StaysInTheBlock()
    {
        var blocks = Build([Entry("2025-10-01T10:00:00Z"), Entry("2025-10-01T15:00:00Z")], LongAfter);

        blocks.ShouldHaveSingleItem().Entries.ShouldBe(2);
    }

    [Fact]
    public void Build_SilenceLongerThanFiveHours_InsertsGapFromLastRequestPlusFiveHoursToNextRequest()
    {
        var blocks = Build([Entry("2025-10-01T10:20:00Z"), Entry("2025-10-01T15:30:00Z")], LongAfter);

        blocks.Count.ShouldBe(3);
        var gap = blocks[1];
        gap.ShouldSatisfyAllConditions(
            g => g.Id.ShouldBe("gap-2025-10-01T15:20:00.000Z"),
            g => g.IsGap.ShouldBeTrue(),
            g => g.StartUtc.ShouldBe(Utc("2025-10-01T15:20:00Z")),
            g => g.EndUtc.ShouldBe(Utc("2025-10-01T15:30:00Z")),
            g => g.Entries.ShouldBe(0),
            g => g.Tokens.ShouldBe(default),
            g => g.CostUsd.ShouldBe(0m),
            g => g.Models.ShouldBeEmpty(),
            g => g.IsActive.ShouldBeFalse());
        blocks[2].Id.ShouldBe("2025-10-01T15:00:00.000Z");
    }

    [Fact]
    public void Build_DaysApart_GapSpansTheWholeSilence()
    {
        var blocks = Build([Entry("2025-10-01T23:59:00Z"), Entry("2025-10-03T08:15:00Z")], LongAfter);

        blocks.Select(b => b.Id).ShouldBe(["2025-10-01T23:00:00.000Z", "gap-2025-10-02T04:59:00.000Z", "2025-10-03T08:00:00.000Z"]);
        blocks[1].EndUtc.ShouldBe(Utc("2025-10-03T08:15:00Z"));
    }

    [Fact]
    public void Build_ActiveBlock_HasBurnRateAndProjection()
    {
        // Worked example: three requests of 4,700 tokens and $0.04 each, 40 minutes apart (10:20, 11:00, 11:40); now 12:00.
        var entries = new[] { Entry("2025-10-01T10:20:00Z"), Entry("2025-10-01T11:00:00Z"), Entry("2025-10-01T11:40:00Z") };

        var block = Build(entries, Utc("2025-10-01T12:00:00Z")).ShouldHaveSingleItem();

        block.IsActive.ShouldBeTrue();
        block.Tokens.Total.ShouldBe(14_100);
        block.CostUsd.ShouldBe(0.12m);
        // First to last request: 80 minutes.
        block.BurnRate.ShouldNotBeNull();
        block.BurnRate.TokensPerMinute.ShouldBe(176.25, 1e-9);              // 14,100 / 80
        block.BurnRate.TokensPerMinuteForIndicator.ShouldBe(45, 1e-9);       // (3,000 input + 600 output) / 80
        block.BurnRate.CostPerHour.ShouldBe(0.09, 1e-9);                     // 0.12 / 80 × 60
        // 180 minutes left until 15:00: 14,100 + 176.25 × 180 = 45,825 tokens; $0.12 + $0.09/h × 3 h = $0.39.
        block.Projection.ShouldBe(new BlockProjection(45_825, 0.39m, 180));
    }

    [Theory]
    [InlineData("2025-10-01T11:40:00Z", true)]
    [InlineData("2025-10-01T14:59:59Z", true)]
    [InlineData("2025-10-01T15:00:00Z", false)]   // the block has ended
    [InlineData("2025-10-02T09:00:00Z", false)]
    public void Build_NowInsideOrAfterBlock_SetsIsActiveAndProjectionOnlyWhileInside(string now, bool expectedActive)
    {
        var block = Build([Entry("2025-10-01T10:20:00Z"), Entry("2025-10-01T11:40:00Z")], Utc(now)).ShouldHaveSingleItem();

        block.IsActive.ShouldBe(expectedActive);
        (block.BurnRate is not null).ShouldBe(expectedActive);
        (block.Projection is not null).ShouldBe(expectedActive);
    }

    [Fact]
    public void Build_OnlyTheLastBlockIsActive_EarlierBlocksHaveNoBurnRate()
    {
        var blocks = Build([Entry("2025-10-01T01:00:00Z"), Entry("2025-10-01T01:30:00Z"), Entry("2025-10-01T09:10:00Z"), Entry("2025-10-01T09:40:00Z")],
            Utc("2025-10-01T10:00:00Z"));

        blocks.Select(b => (b.IsGap, b.IsActive)).ShouldBe([(false, false), (true, false), (false, true)]);
        blocks[0].BurnRate.ShouldBeNull();
        blocks[0].Projection.ShouldBeNull();
        blocks[2].BurnRate.ShouldNotBeNull();
    }

    [Fact]
    public void Build_ActiveBlockWithOneRequest_HasNoBurnRate()
    {
        var block = Build([Entry("2025-10-01T10:20:00Z")], Utc("2025-10-01T10:30:00Z")).ShouldHaveSingleItem();

        block.IsActive.ShouldBeTrue();
        block.BurnRate.ShouldBeNull();
        block.Projection.ShouldBeNull();
    }

    [Fact]
    public void Build_SeveralModels_ListsEachOnceInOrderOfFirstUse()
    {
        var entries = new[]
        {
            Entry("2025-10-01T10:00:00Z", Sonnet), Entry("2025-10-01T10:05:00Z", Opus),
            Entry("2025-10-01T10:10:00Z", Sonnet), Entry("2025-10-01T10:15:00Z", Haiku),
        };

        Build(entries, LongAfter).ShouldHaveSingleItem().Models.ShouldBe([Sonnet, Opus, Haiku]);
    }

    [Theory]
    [InlineData(CostMode.Auto, "0.80")]       // reported 0.50 + computed 0.30 (no reported cost) + 0
    [InlineData(CostMode.Calculate, "0.55")]  // computed 0.25 + 0.30 + 0 (unpriced)
    [InlineData(CostMode.Display, "0.50")]    // reported only
    public void Build_CostMode_SumsTheMatchingCostOfEachRequest(CostMode mode, string expected)
    {
        UsageEntry[] entries =
        [
            new(Utc("2025-10-01T10:00:00Z"), Sonnet, Request, ComputedCostUsd: 0.25m, ReportedCostUsd: 0.50m),
            new(Utc("2025-10-01T10:10:00Z"), Sonnet, Request, ComputedCostUsd: 0.30m, ReportedCostUsd: null),
            new(Utc("2025-10-01T10:20:00Z"), "claude-next-9", Request, ComputedCostUsd: null, ReportedCostUsd: null),
        ];

        var block = BillingBlockBuilder.Build(entries, mode, FiveHours, LongAfter).ShouldHaveSingleItem();

        block.CostUsd.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(CostMode.Auto, "0.30", "0.50", "0.50")]
    [InlineData(CostMode.Auto, "0.30", null, "0.30")]
    [InlineData(CostMode.Auto, null, null, "0")]
    [InlineData(CostMode.Calculate, "0.30", "0.50", "0.30")]
    [InlineData(CostMode.Calculate, null, "0.50", "0")]
    [InlineData(CostMode.Display, "0.30", "0.50", "0.50")]
    [InlineData(CostMode.Display, "0.30", null, "0")]
    public void Cost_Mode_UsesReportedElseComputedOrOnlyOne(CostMode mode, string? computed, string? reported, string expected)
    {
        var entry = new UsageEntry(Utc("2025-10-01T10:00:00Z"), Sonnet, Request, Parse(computed), Parse(reported));

        BillingBlockBuilder.Cost(entry, mode).ShouldBe(Parse(expected)!.Value);
    }

    [Fact]
    public void Build_NoRequests_NoBlocks()
    {
        BillingBlockBuilder.Build([], CostMode.Auto, FiveHours, LongAfter).ShouldBeEmpty();
    }

    private static List<BillingBlock> Build(IEnumerable<UsageEntry> entries, DateTime now) =>
        BillingBlockBuilder.Build(entries, CostMode.Calculate, FiveHours, now);

    private static UsageEntry Entry(string timestamp, string model = Sonnet) => new(Utc(timestamp), model, Request, 0.04m, null);

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
