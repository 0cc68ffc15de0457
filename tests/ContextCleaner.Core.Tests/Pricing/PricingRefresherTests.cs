using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Pricing;

public sealed class PricingRefresherTests
{
    private static readonly Guid SonnetRequest = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid UnknownModelRequest = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid FastRequest = new("00000000-0000-0000-0000-000000000003");
    private static readonly DateTime At = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task EnsureCurrentAsync_StoreAlreadyPricedWithThisVersion_RepricesNothing()
    {
        var prices = PriceTableLoader.Load();
        var store = StoreWithRequests();
        store.PriceVersion = prices.Version;

        var repriced = await PricingRefresher.EnsureCurrentAsync(store, prices, TestContext.Current.CancellationToken);

        repriced.ShouldBe(0);
        store.UpdateCalls.ShouldBe(0);
        store.ComputedCosts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]              // a new store
    [InlineData("an-older-table")]  // a release or override changed the prices
    public async Task EnsureCurrentAsync_StorePricedWithOtherVersion_RepricesEveryRequestAndRecordsVersion(string? storedVersion)
    {
        var prices = PriceTableLoader.Load();
        var store = StoreWithRequests();
        store.PriceVersion = storedVersion;

        var repriced = await PricingRefresher.EnsureCurrentAsync(store, prices, TestContext.Current.CancellationToken);

        repriced.ShouldBe(3);
        store.UpdateCalls.ShouldBe(1);
        store.PriceVersion.ShouldBe(prices.Version);
        // Sonnet 4.5: 2,722×3 + 15×15 + 19,123×3.75 = 80,102.25 µ$
        store.ComputedCosts[SonnetRequest].ShouldBe(0.08010225m);
        // Unknown model: no price, stored as null (never $0).
        store.ComputedCosts.ShouldContainKey(UnknownModelRequest);
        store.ComputedCosts[UnknownModelRequest].ShouldBeNull();
        // Opus 4.6 fast: (1,000×5 + 1,000×25) × 6 = 180,000 µ$
        store.ComputedCosts[FastRequest].ShouldBe(0.18m);
    }

    [Fact]
    public async Task EnsureCurrentAsync_OverrideChangesPrices_RepricesWithNewPricesThenStopsRepricing()
    {
        var store = StoreWithRequests();
        var ct = TestContext.Current.CancellationToken;
        await PricingRefresher.EnsureCurrentAsync(store, PriceTableLoader.Load(), ct);
        var cheaper = new PriceTable(
            [new ModelPrice { Id = "claude-sonnet-4-5-20250929", Rates = new PriceRates(1m, 5m, 1.25m, 2m, 0.1m) }], "cheaper");

        var repriced = await PricingRefresher.EnsureCurrentAsync(store, cheaper, ct);
        var again = await PricingRefresher.EnsureCurrentAsync(store, cheaper, ct);

        repriced.ShouldBe(3);
        // 2,722×1 + 15×5 + 19,123×1.25 = 2,722 + 75 + 23,903.75 = 26,700.75 µ$
        store.ComputedCosts[SonnetRequest].ShouldBe(0.02670075m);
        // Opus 4.6 is not in the new table: its cost becomes unknown rather than keeping the old one.
        store.ComputedCosts[FastRequest].ShouldBeNull();
        again.ShouldBe(0);
        store.UpdateCalls.ShouldBe(2);
    }

    private static InMemoryTelemetryStore StoreWithRequests()
    {
        var store = new InMemoryTelemetryStore();
        store.Requests.Add(new PricingInput(SonnetRequest, At, "claude-sonnet-4-5-20250929", "standard", new TokenUsage(2_722, 15, 0, 19_123, 0)));
        store.Requests.Add(new PricingInput(UnknownModelRequest, At, "claude-from-the-future-7", null, new TokenUsage(1_000, 1_000, 0, 0, 0)));
        store.Requests.Add(new PricingInput(FastRequest, At, "claude-opus-4-6", "fast", new TokenUsage(1_000, 1_000, 0, 0, 0)));
        return store;
    }
}
