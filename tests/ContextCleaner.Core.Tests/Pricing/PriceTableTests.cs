using System.Globalization;
using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Pricing;

public sealed class PriceTableTests
{
    private static readonly DateTime At = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly PriceTable Shipped = PriceTableLoader.Load();

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929")]                  // Anthropic API id
    [InlineData("claude-sonnet-4-5")]                           // alias
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0")] // Bedrock cross-region inference profile
    [InlineData("anthropic.claude-sonnet-4-5-20250929-v1:0")]   // Bedrock
    [InlineData("claude-sonnet-4-5@20250929")]                  // Vertex AI
    [InlineData("anthropic/claude-sonnet-4-5")]                 // LiteLLM / OpenRouter style
    [InlineData("anthropic/claude-sonnet-4-5-20250929")]
    [InlineData("Claude-Sonnet-4-5-20250929")]                  // case
    [InlineData(" claude-sonnet-4-5 ")]                         // stray spaces
    public void Resolve_SpellingOfSonnet45_FindsSonnet45Entry(string model)
    {
        var price = Shipped.Resolve(model, At);

        price.ShouldNotBeNull();
        price.Id.ShouldBe("claude-sonnet-4-5-20250929");
        price.Rates.ShouldBe(new PriceRates(3m, 15m, 3.75m, 6m, 0.30m));
    }

    [Theory]
    // A dated id the table does not list falls back to its undated family name.
    [InlineData("claude-sonnet-4-6-20260301", "claude-sonnet-4-6")]
    [InlineData("claude-opus-4-5-20990101", "claude-opus-4-5-20251101")]
    [InlineData("claude-haiku-4-5-20991231", "claude-haiku-4-5-20251001")]
    public void Resolve_UnlistedDateSuffix_FallsBackToUndatedName(string model, string expectedId)
    {
        Shipped.Resolve(model, At)!.Id.ShouldBe(expectedId);
    }

    [Theory]
    [InlineData("claude-unknown-9")]
    [InlineData("claude-sonnet")]        // a prefix of real names: no fuzzy match
    [InlineData("sonnet-4-5")]           // a substring of a real name
    [InlineData("claude-sonnet-4-5-fast")]
    [InlineData("gpt-4o")]
    [InlineData("<synthetic>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Resolve_UnknownModel_ReturnsNull(string? model)
    {
        Shipped.Resolve(model, At).ShouldBeNull();
    }

    [Theory]
    [InlineData("2024-12-01T00:00:00Z", 1)]   // before the first entry: the earliest known prices
    [InlineData("2025-01-01T00:00:00Z", 1)]
    [InlineData("2025-05-31T23:59:59Z", 1)]
    [InlineData("2025-06-01T00:00:00Z", 2)]   // the day the new prices take effect
    [InlineData("2026-03-01T08:00:00Z", 2)]
    public void Resolve_TwoEntriesForOneModel_RequestDatePicksEntryInEffect(string timestamp, int expectedInputRate)
    {
        var early = Price("claude-test-1", new DateOnly(2025, 1, 1), input: 1m);
        var late = Price("claude-test-1", new DateOnly(2025, 6, 1), input: 2m);
        var when = DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        // Listed newest first on purpose: the table must not depend on the order of its input.
        var table = new PriceTable([late, early], "test");

        table.Resolve("claude-test-1", when)!.Rates.Input.ShouldBe((decimal)expectedInputRate);
    }

    [Fact]
    public void Resolve_AliasOfDatedEntries_FollowsTheSameEffectiveDates()
    {
        var early = Price("claude-test-1-20250101", new DateOnly(2025, 1, 1), input: 1m) with { Aliases = ["claude-test-1"] };
        var late = Price("claude-test-1-20250101", new DateOnly(2025, 6, 1), input: 2m) with { Aliases = ["claude-test-1"] };
        var table = new PriceTable([early, late], "test");

        table.Resolve("claude-test-1", new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc))!.Rates.Input.ShouldBe(1m);
        table.Resolve("claude-test-1", new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc))!.Rates.Input.ShouldBe(2m);
    }

    [Fact]
    public void Resolve_SameModelTwice_GivesTheSameEntry()
    {
        var first = Shipped.Resolve("claude-opus-4-1", At);
        var second = Shipped.Resolve("claude-opus-4-1", At);

        first.ShouldNotBeNull();
        second.ShouldBeSameAs(first);
        first.Rates.ShouldBe(new PriceRates(15m, 75m, 18.75m, 30m, 1.50m));
    }

    [Fact]
    public void Constructor_VersionAndEntries_AreKeptAsGiven()
    {
        var table = new PriceTable([Price("a", default, 1m), Price("b", default, 2m)], "v-123");

        table.Version.ShouldBe("v-123");
        table.Entries.Select(e => e.Id).ShouldBe(["a", "b"]);
    }

    private static ModelPrice Price(string id, DateOnly effectiveFrom, decimal input) => new()
    {
        Id = id,
        EffectiveFrom = effectiveFrom,
        Rates = new PriceRates(input, input * 5, input * 1.25m, input * 2, input / 10),
    };
}
