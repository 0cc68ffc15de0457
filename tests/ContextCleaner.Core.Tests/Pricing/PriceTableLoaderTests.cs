using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Pricing;

public sealed class PriceTableLoaderTests : IDisposable
{
    private const string Sonnet45 = "claude-sonnet-4-5-20250929";
    private static readonly DateTime At = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929", 3, 15, 3.75, 6, 0.30)]
    [InlineData("claude-sonnet-4-20250514", 3, 15, 3.75, 6, 0.30)]
    [InlineData("claude-opus-4-1-20250805", 15, 75, 18.75, 30, 1.50)]
    [InlineData("claude-opus-4-20250514", 15, 75, 18.75, 30, 1.50)]
    [InlineData("claude-opus-4-5-20251101", 5, 25, 6.25, 10, 0.50)]
    [InlineData("claude-opus-4-6", 5, 25, 6.25, 10, 0.50)]
    [InlineData("claude-haiku-4-5-20251001", 1, 5, 1.25, 2, 0.10)]
    [InlineData("claude-3-5-haiku-20241022", 0.80, 4, 1, 1.6, 0.08)]
    [InlineData("claude-3-haiku-20240307", 0.25, 1.25, 0.30, 0.50, 0.03)]
    public void Load_ShippedTable_HasAnthropicListPrices(string model, double input, double output, double write5m, double write1h, double read)
    {
        var price = PriceTableLoader.Load().Resolve(model, At);

        price.ShouldNotBeNull();
        price.Rates.ShouldBe(new PriceRates((decimal)input, (decimal)output, (decimal)write5m, (decimal)write1h, (decimal)read));
    }

    [Fact]
    public void Load_ShippedTable_HasLongContextTierForSonnet45AndFastModeForOpus46()
    {
        var table = PriceTableLoader.Load();

        var sonnet = table.Resolve(Sonnet45, At)!;
        sonnet.LongContext.ShouldNotBeNull();
        sonnet.LongContext.ThresholdTokens.ShouldBe(200_000);
        sonnet.LongContext.Rates.ShouldBe(new PriceRates(6m, 22.5m, 7.5m, 12m, 0.60m));
        table.Resolve("claude-opus-4-1-20250805", At)!.LongContext.ShouldBeNull();
        table.Resolve("claude-opus-4-6", At)!.FastMultiplier.ShouldBe(6m);
    }

    [Fact]
    public void Load_ShippedTable_EveryIdAndAliasResolvesToItsOwnEntry()
    {
        // An alias listed twice, or an id shadowed by another entry's alias, would price one model as another.
        var table = PriceTableLoader.Load();

        table.Entries.ShouldNotBeEmpty();
        foreach (var entry in table.Entries)
        {
            var day = entry.EffectiveFrom.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            foreach (var name in entry.Aliases.Prepend(entry.Id))
            {
                table.Resolve(name, day).ShouldBeSameAs(entry, $"{name} on {entry.EffectiveFrom:yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void Load_Twice_GivesSameVersion()
    {
        PriceTableLoader.Load().Version.ShouldBe(PriceTableLoader.Load().Version);
    }

    [Fact]
    public void Load_OverrideWithSameIdAndDate_ReplacesShippedEntry()
    {
        var shipped = PriceTableLoader.Load();
        var path = _temp.WriteFile("prices.json", """
            {
              "version": 1,
              "models": [
                {
                  "id": "claude-sonnet-4-5-20250929",
                  "aliases": ["claude-sonnet-4-5"],
                  "effectiveFrom": "2025-09-29",
                  "perMillionTokens": { "input": 4, "output": 20, "cacheWrite5m": 5, "cacheWrite1h": 8, "cacheRead": 0.4 }
                }
              ]
            }
            """);

        var table = PriceTableLoader.Load(path);

        table.Entries.Count.ShouldBe(shipped.Entries.Count);
        table.Entries.Count(e => e.Id == Sonnet45).ShouldBe(1);
        var price = table.Resolve("claude-sonnet-4-5", At)!;
        price.Rates.ShouldBe(new PriceRates(4m, 20m, 5m, 8m, 0.4m));
        price.LongContext.ShouldBeNull();
        // Other models keep their shipped prices.
        table.Resolve("claude-haiku-4-5", At)!.Rates.Input.ShouldBe(1m);
    }

    [Fact]
    public void Load_OverrideWithNewModel_AddsItAndKeepsShippedOnes()
    {
        var shipped = PriceTableLoader.Load();
        var path = _temp.WriteFile("prices.json", """
            {
              "models": [
                {
                  "id": "claude-brand-new-1",
                  "aliases": ["brand-new"],
                  "effectiveFrom": "2026-01-01",
                  "perMillionTokens": { "input": 1, "output": 2, "cacheWrite5m": 3, "cacheWrite1h": 4, "cacheRead": 5 },
                  "fastMultiplier": 3,
                  "source": "my contract"
                }
              ]
            }
            """);

        var table = PriceTableLoader.Load(path);

        table.Entries.Count.ShouldBe(shipped.Entries.Count + 1);
        var price = table.Resolve("brand-new", At)!;
        price.Id.ShouldBe("claude-brand-new-1");
        price.Rates.ShouldBe(new PriceRates(1m, 2m, 3m, 4m, 5m));
        price.FastMultiplier.ShouldBe(3m);
        price.Source.ShouldBe("my contract");
        table.Resolve(Sonnet45, At)!.Rates.Input.ShouldBe(3m);
    }

    [Fact]
    public void Load_OverrideWithSameIdAndLaterDate_AddsPriceChangeThatRequestDatePicks()
    {
        var path = _temp.WriteFile("prices.json", """
            {
              "models": [
                {
                  "id": "claude-sonnet-4-5-20250929",
                  "effectiveFrom": "2026-02-01",
                  "perMillionTokens": { "input": 2, "output": 10, "cacheWrite5m": 2.5, "cacheWrite1h": 4, "cacheRead": 0.2 }
                }
              ]
            }
            """);

        var table = PriceTableLoader.Load(path);

        table.Resolve(Sonnet45, new DateTime(2026, 1, 31, 23, 59, 59, DateTimeKind.Utc))!.Rates.Input.ShouldBe(3m);
        table.Resolve(Sonnet45, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc))!.Rates.Input.ShouldBe(2m);
    }

    [Fact]
    public void Load_OverrideChanges_VersionChanges()
    {
        const string template = """{ "models": [ { "id": "m", "perMillionTokens": { "input": INPUT, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } ] }""";
        var first = _temp.WriteFile("a/prices.json", template.Replace("INPUT", "1", StringComparison.Ordinal));
        var sameContent = _temp.WriteFile("b/prices.json", template.Replace("INPUT", "1", StringComparison.Ordinal));
        var changed = _temp.WriteFile("c/prices.json", template.Replace("INPUT", "2", StringComparison.Ordinal));

        var shipped = PriceTableLoader.Load().Version;
        var withFirst = PriceTableLoader.Load(first).Version;

        withFirst.ShouldNotBe(shipped);
        PriceTableLoader.Load(sameContent).Version.ShouldBe(withFirst);
        PriceTableLoader.Load(changed).Version.ShouldNotBe(withFirst);
    }

    [Fact]
    public void Load_OverrideWithSeveralProblems_ThrowsOneExceptionListingEveryProblem()
    {
        var path = _temp.WriteFile("prices.json", """
            {
              "models": [
                { "id": "m-missing-output", "perMillionTokens": { "input": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } },
                { "id": "m-negative", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": -0.1 } },
                { "id": "m-bad-date", "effectiveFrom": "2025-13-45", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } },
                { "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } },
                { "id": "m-no-rates" }
              ]
            }
            """);

        var exception = Should.Throw<ContextCleanerException>(() => PriceTableLoader.Load(path));

        exception.ExitCode.ShouldBe(2);
        exception.Message.ShouldSatisfyAllConditions(
            m => m.ShouldContain(path),
            m => m.ShouldContain("m-missing-output"),
            m => m.ShouldContain("output is missing"),
            m => m.ShouldContain("m-negative"),
            m => m.ShouldContain("cacheRead is negative"),
            m => m.ShouldContain("2025-13-45"),
            m => m.ShouldContain("models[3].id is missing"),
            m => m.ShouldContain("m-no-rates"),
            m => m.ShouldContain("perMillionTokens is missing"));
    }

    [Theory]
    [InlineData("this is not JSON", "not a valid price file")]
    [InlineData("""{ "models": [ { "id": "m", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } """, "not a valid price file")]
    [InlineData("""{ "models": [] }""", "no \"models\"")]
    [InlineData("""{ "version": 1 }""", "no \"models\"")]
    [InlineData("""{ "models": [ { "id": "m", "perMillionTokens": { "inptu": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } ] }""", "inptu")]
    [InlineData("""{ "models": [ { "id": "m", "perMillionTokens": { "input": "3", "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } ] }""", "not a valid price file")]
    [InlineData("""{ "models": [ { "id": "m", "effectiveFrom": "01/02/2026", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } ] }""", "is not YYYY-MM-DD")]
    [InlineData("""{ "models": [ { "id": "m", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 }, "longContext": { "thresholdTokens": 0, "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 } } } ] }""", "thresholdTokens must be a positive number")]
    [InlineData("""{ "models": [ { "id": "m", "perMillionTokens": { "input": 1, "output": 1, "cacheWrite5m": 1, "cacheWrite1h": 1, "cacheRead": 1 }, "fastMultiplier": 0 } ] }""", "fastMultiplier must be positive")]
    public void Load_BrokenOverride_ThrowsContextCleanerExceptionNamingTheFileAndProblem(string content, string expectedProblem)
    {
        var path = _temp.WriteFile("prices.json", content);

        var exception = Should.Throw<ContextCleanerException>(() => PriceTableLoader.Load(path));

        exception.ExitCode.ShouldBe(2);
        exception.Message.ShouldContain(path);
        exception.Message.ShouldContain(expectedProblem);
    }

    [Fact]
    public void Load_MissingOverrideFile_ThrowsContextCleanerExceptionNamingTheFile()
    {
        var path = _temp.Combine("does-not-exist/prices.json");

        var exception = Should.Throw<ContextCleanerException>(() => PriceTableLoader.Load(path));

        exception.ExitCode.ShouldBe(2);
        exception.Message.ShouldContain("Cannot read price file");
        exception.Message.ShouldContain(path);
    }
}
