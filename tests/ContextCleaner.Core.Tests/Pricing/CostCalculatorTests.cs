using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Pricing;

/// <summary>
/// Costs against Anthropic's list prices (USD per million tokens: input / output / 5-minute write / 1-hour write /
/// cache read) and against what Claude Code 2.1.328 itself reported as <c>cost_usd</c>.
/// </summary>
public sealed class CostCalculatorTests
{
    private const string Sonnet45 = "claude-sonnet-4-5-20250929";
    private const string Sonnet4 = "claude-sonnet-4-20250514";
    private const string Opus41 = "claude-opus-4-1-20250805";
    private const string Haiku45 = "claude-haiku-4-5-20251001";
    private static readonly DateTime At = new(2026, 11, 25, 23, 36, 24, DateTimeKind.Utc);
    private static readonly PriceTable Shipped = PriceTableLoader.Load();

    public enum Kind
    {
        Input,
        Output,
        CacheWrite5m,
        CacheWrite1h,
        CacheRead,
    }

    // 100,000 tokens of one kind = a tenth of the per-MTok list price (and far below the 200k long-context threshold).
    [Theory]
    [InlineData(Sonnet45, Kind.Input, "0.3")]          // $3
    [InlineData(Sonnet45, Kind.Output, "1.5")]         // $15
    [InlineData(Sonnet45, Kind.CacheWrite5m, "0.375")] // $3.75
    [InlineData(Sonnet45, Kind.CacheWrite1h, "0.6")]   // $6
    [InlineData(Sonnet45, Kind.CacheRead, "0.03")]     // $0.30
    [InlineData(Opus41, Kind.Input, "1.5")]            // $15
    [InlineData(Opus41, Kind.Output, "7.5")]           // $75
    [InlineData(Opus41, Kind.CacheWrite5m, "1.875")]   // $18.75
    [InlineData(Opus41, Kind.CacheWrite1h, "3")]       // $30
    [InlineData(Opus41, Kind.CacheRead, "0.15")]       // $1.50
    [InlineData(Haiku45, Kind.Input, "0.1")]           // $1
    [InlineData(Haiku45, Kind.Output, "0.5")]          // $5
    [InlineData(Haiku45, Kind.CacheWrite5m, "0.125")]  // $1.25
    [InlineData(Haiku45, Kind.CacheWrite1h, "0.2")]    // $2
    [InlineData(Haiku45, Kind.CacheRead, "0.01")]      // $0.10
    public void Compute_HundredThousandTokensOfOneKind_BillsAnthropicListPrice(string model, Kind kind, string expectedUsd)
    {
        var tokens = kind switch
        {
            Kind.Input => new TokenUsage(100_000, 0, 0, 0, 0),
            Kind.Output => new TokenUsage(0, 100_000, 0, 0, 0),
            Kind.CacheRead => new TokenUsage(0, 0, 100_000, 0, 0),
            Kind.CacheWrite5m => new TokenUsage(0, 0, 0, 100_000, 0),
            _ => new TokenUsage(0, 0, 0, 0, 100_000),
        };

        var cost = CostCalculator.Compute(Shipped, model, At, tokens, speed: null);

        cost.ShouldBe(decimal.Parse(expectedUsd, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compute_MixedRequest_SumsEveryKindAtItsRate()
    {
        // Sonnet 4.5: 1,000×3 + 2,000×15 + 50,000×0.30 + 10,000×3.75 + 4,000×6 = 3,000 + 30,000 + 15,000 + 37,500 + 24,000
        // = 109,500 µ$ → $0.1095
        var cost = CostCalculator.Compute(Shipped, Sonnet45, At, new TokenUsage(1_000, 2_000, 50_000, 10_000, 4_000), speed: null);

        cost.ShouldBe(0.1095m);
    }

    [Fact]
    public void Compute_OneHourCacheWrites_BilledAtTwiceInputNotFiveMinuteRate()
    {
        // Sonnet 4.5, 10,000 written tokens: 5-minute 10,000×3.75 = $0.0375; 1-hour 10,000×6 = $0.06.
        var fiveMinute = CostCalculator.Compute(Shipped, Sonnet45, At, new TokenUsage(0, 0, 0, 10_000, 0), speed: null);
        var oneHour = CostCalculator.Compute(Shipped, Sonnet45, At, new TokenUsage(0, 0, 0, 0, 10_000), speed: null);

        fiveMinute.ShouldBe(0.0375m);
        oneHour.ShouldBe(0.06m);
    }

    [Theory]
    // Exactly 200,000 prompt tokens (1,000 + 150,000 read + 49,000 written): standard rates.
    // 1,000×3 + 1,000×15 + 150,000×0.30 + 49,000×3.75 = 3,000 + 15,000 + 45,000 + 183,750 = 246,750 µ$
    [InlineData(Sonnet45, 1_000, 1_000, 150_000, 49_000, 0, "0.24675")]
    [InlineData(Sonnet4, 1_000, 1_000, 150_000, 49_000, 0, "0.24675")]
    // 200,001 prompt tokens: the whole request, output included, at 6 / 22.50 / 7.50 / 12 / 0.60.
    // 1,000×6 + 1,000×22.5 + 150,000×0.60 + 49,001×7.5 = 6,000 + 22,500 + 90,000 + 367,507.5 = 486,007.5 µ$
    [InlineData(Sonnet45, 1_000, 1_000, 150_000, 49_001, 0, "0.4860075")]
    [InlineData(Sonnet4, 1_000, 1_000, 150_000, 49_001, 0, "0.4860075")]
    // 1-hour writes in a long request: 250,000×12 + 100×22.5 = 3,000,000 + 2,250 = 3,002,250 µ$
    [InlineData(Sonnet45, 0, 100, 0, 0, 250_000, "3.00225")]
    // Opus 4.1 has no long-context tier: 300,000×15 + 1,000×75 = 4,500,000 + 75,000 µ$
    [InlineData(Opus41, 300_000, 1_000, 0, 0, 0, "4.575")]
    // Sonnet 4.6 serves 1M context at flat prices: 300,000×3 + 1,000×15 = 900,000 + 15,000 µ$
    [InlineData("claude-sonnet-4-6", 300_000, 1_000, 0, 0, 0, "0.915")]
    public void Compute_PromptAroundLongContextThreshold_AppliesTierToWholeRequestOnlyAbove200k(
        string model, long input, long output, long cacheRead, long write5m, long write1h, string expectedUsd)
    {
        var cost = CostCalculator.Compute(Shipped, model, At, new TokenUsage(input, output, cacheRead, write5m, write1h), speed: null);

        cost.ShouldBe(decimal.Parse(expectedUsd, CultureInfo.InvariantCulture));
    }

    [Theory]
    // Opus 4.6: 1,000×5 + 1,000×25 = 30,000 µ$ = $0.03; fast mode ×6 = $0.18.
    [InlineData("claude-opus-4-6", "fast", "0.18")]
    [InlineData("claude-opus-4-6", "standard", "0.03")]
    [InlineData("claude-opus-4-6", null, "0.03")]
    // Opus 4.8: fast mode ×2.
    [InlineData("claude-opus-4-8", "fast", "0.06")]
    // A model without fast pricing is billed at its normal price: Sonnet 4.5 1,000×3 + 1,000×15 = $0.018.
    [InlineData(Sonnet45, "fast", "0.018")]
    public void Compute_SpeedMode_MultipliesOnlyFastRequestsOfFastModels(string model, string? speed, string expectedUsd)
    {
        var cost = CostCalculator.Compute(Shipped, model, At, new TokenUsage(1_000, 1_000, 0, 0, 0), speed);

        cost.ShouldBe(decimal.Parse(expectedUsd, CultureInfo.InvariantCulture));
    }

    [Theory]
    // cost_usd of the api_request events Claude Code 2.1.328 sent (shared/fixtures/claude-code-2.1.328/otlp-json,
    // s01/s02/s03 logs; claude-opus-5-5 from the s27 transcript). All cache writes were 5-minute writes.
    // s01 Sonnet 4.5: 2,722×3 + 15×15 + 19,123×3.75 = 8,166 + 225 + 71,711.25 = 80,102.25 µ$
    [InlineData(Sonnet45, 2_722, 15, 19_123, "0.08010225")]
    // s02 Haiku 4.5: 2,721×1 + 15×5 + 19,123×1.25 = 2,721 + 75 + 23,903.75 = 26,699.75 µ$
    [InlineData(Haiku45, 2_721, 15, 19_123, "0.02669975")]
    // s03 Opus 4.1: 2,720×15 + 15×75 + 19,122×18.75 = 40,800 + 1,125 + 358,537.5 = 400,462.5 µ$
    [InlineData(Opus41, 2_720, 15, 19_122, "0.4004625")]
    // s27 claude-opus-5-5: 2,553×4 + 15×20 + 9,769×5 = 10,212 + 300 + 48,845 = 59,357 µ$
    [InlineData("claude-opus-5-5", 2_553, 15, 9_769, "0.059357")]
    public void Compute_RequestsCapturedFromClaudeCode_EqualsReportedCostExactly(string model, long input, long output, long write5m, string reportedCostUsd)
    {
        var cost = CostCalculator.Compute(Shipped, model, At, new TokenUsage(input, output, 0, write5m, 0), speed: "standard");

        cost.ShouldBe(decimal.Parse(reportedCostUsd, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("claude-unknown-9")]
    [InlineData("gpt-4o")]
    [InlineData(null)]
    public void Compute_UnpricedModel_ReturnsNullNotZero(string? model)
    {
        var cost = CostCalculator.Compute(Shipped, model, At, new TokenUsage(1_000, 1_000, 0, 0, 0), speed: null);

        cost.ShouldBeNull();
    }

    [Fact]
    public void Compute_OwnLongContextThreshold_ComparesInputCacheReadAndCacheWritesTogether()
    {
        // A made-up model with a 100-token tier: 40 input + 30 read + 20 5m + 20 1h = 110 > 100 → long rates.
        var price = new ModelPrice
        {
            Id = "test-model",
            Rates = new PriceRates(1m, 2m, 3m, 4m, 5m),
            LongContext = new LongContextTier(100, new PriceRates(10m, 20m, 30m, 40m, 50m)),
        };

        // 40×10 + 7×20 + 30×50 + 20×30 + 20×40 = 400 + 140 + 1,500 + 600 + 800 = 3,440 µ$
        CostCalculator.Compute(price, new TokenUsage(40, 7, 30, 20, 20), speed: null).ShouldBe(0.00344m);
        // 40 + 30 + 20 + 10 = 100, not above: 40×1 + 7×2 + 30×5 + 20×3 + 10×4 = 40 + 14 + 150 + 60 + 40 = 304 µ$
        CostCalculator.Compute(price, new TokenUsage(40, 7, 30, 20, 10), speed: null).ShouldBe(0.000304m);
    }
}
