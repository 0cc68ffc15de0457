using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class TokenLimitStatusTests
{
    [Theory]
    [InlineData(100_000, "ok", 45.825)]        // 45,825 / 100,000
    [InlineData(57_282, "ok", 79.9989)]        // 45,825 / 57,282: just under 80 %
    [InlineData(50_000, "warning", 91.65)]     // above 80 %
    [InlineData(45_825, "warning", 100)]       // exactly the limit is not "exceeds"
    [InlineData(40_000, "exceeds", 114.5625)]
    public void For_ActiveBlock_ComparesProjectedTokensWithLimit(long limit, string expectedStatus, double expectedPercent)
    {
        var block = Block(tokensTotal: 14_100, projection: new BlockProjection(45_825, 0.39m, 180));

        var status = TokenLimitStatus.For(block, limit);

        status.Status.ShouldBe(expectedStatus);
        status.ProjectedUsage.ShouldBe(45_825);
        status.Limit.ShouldBe(limit);
        status.PercentUsed.ShouldBe(expectedPercent, 0.001);
    }

    [Theory]
    [InlineData(50_000, "ok")]        // 40,000 = exactly 80 %: the warning starts above it
    [InlineData(49_999, "warning")]
    [InlineData(39_999, "exceeds")]
    public void For_BlockWithoutProjection_UsesItsCurrentTokens(long limit, string expectedStatus)
    {
        var status = TokenLimitStatus.For(Block(tokensTotal: 40_000, projection: null), limit);

        status.ProjectedUsage.ShouldBe(40_000);
        status.Status.ShouldBe(expectedStatus);
    }

    [Fact]
    public void Max_Blocks_IsLargestBlockTotalIgnoringGaps()
    {
        BillingBlock[] blocks = [Block(4_700, null), Block(14_100, null), Block(0, null) with { IsGap = true }, Block(9_400, null)];

        TokenLimitStatus.Max(blocks).ShouldBe(14_100);
        TokenLimitStatus.Max([]).ShouldBe(0);
    }

    private static BillingBlock Block(long tokensTotal, BlockProjection? projection) => new()
    {
        Id = "2025-10-01T10:00:00.000Z",
        StartUtc = new DateTime(2025, 10, 1, 10, 0, 0, DateTimeKind.Utc),
        EndUtc = new DateTime(2025, 10, 1, 15, 0, 0, DateTimeKind.Utc),
        IsActive = projection is not null,
        IsGap = false,
        Entries = 3,
        Tokens = new TokenUsage(tokensTotal, 0, 0, 0, 0),
        CostUsd = 0.12m,
        Models = ["claude-sonnet-4-5-20250929"],
        Projection = projection,
    };
}
