using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

public sealed class DuckDbTelemetryStorePricingTests
{
    private static readonly TokenUsage Tokens1 = new(Input: 1, Output: 2, CacheRead: 3, CacheWrite5m: 4, CacheWrite1h: 5);
    private static readonly TokenUsage Tokens2 = new(Input: 10, Output: 20, CacheRead: 30, CacheWrite5m: 40, CacheWrite1h: 50);

    [Fact]
    public async Task GetPriceVersionAsync_NewStore_ReturnsNull()
    {
        await using var test = await TestStore.OpenAsync();

        (await test.Store.GetPriceVersionAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task ReadPricingInputsAsync_StoredRequests_ReturnsWhatPricingNeeds()
    {
        await using var test = await TestStore.OpenAsync();
        var fast = TestEvents.Request("r1", TestEvents.At(3, 10, 0, 1), Tokens1, 0.1m, speed: "fast");
        var plain = TestEvents.Request("r2", TestEvents.At(3, 11), Tokens2, null, model: HandRequests.Haiku45);
        await test.WriteAsync([fast, plain, TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10))]);

        var inputs = await test.Store.ReadPricingInputsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        inputs.OrderBy(i => i.TimestampUtc).ShouldBe(
        [
            new PricingInput(fast.Id, fast.TimestampUtc, HandRequests.Sonnet45, "fast", Tokens1),
            new PricingInput(plain.Id, plain.TimestampUtc, HandRequests.Haiku45, null, Tokens2),
        ]);
        inputs.ShouldAllBe(i => i.TimestampUtc.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public async Task UpdateComputedCostsAsync_NewCosts_ReplacesCostsAndRecordsVersion()
    {
        await using var test = await TestStore.OpenAsync();
        var r1 = TestEvents.Request("r1", TestEvents.At(3, 10), Tokens1, 0.5m);
        var r2 = TestEvents.Request("r2", TestEvents.At(3, 11), Tokens2, 0.25m);
        await test.WriteAsync([r1, r2]);

        // 12 decimal places: the precision of the cost columns.
        await test.Store.UpdateComputedCostsAsync([new PricedEvent(r1.Id, 0.123456789012m), new PricedEvent(r2.Id, null)], "v1",
            TestContext.Current.CancellationToken);

        (await test.Store.GetPriceVersionAsync(TestContext.Current.CancellationToken)).ShouldBe("v1");
        var all = (await test.Store.QueryUsageAsync(new UsageQuery(), TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        all.ComputedCostUsd.ShouldBe(0.123456789012m);
        all.UnpricedRequests.ShouldBe(1);
        all.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task UpdateComputedCostsAsync_SecondVersion_ReplacesVersionAndKeepsUntouchedCosts()
    {
        await using var test = await TestStore.OpenAsync();
        var r1 = TestEvents.Request("r1", TestEvents.At(3, 10), Tokens1, 0.5m);
        await test.WriteAsync([r1]);
        await test.Store.UpdateComputedCostsAsync([new PricedEvent(r1.Id, 0.75m)], "v1", TestContext.Current.CancellationToken);

        await test.Store.UpdateComputedCostsAsync([], "v2", TestContext.Current.CancellationToken);
        await test.ReopenAsync();

        (await test.Store.GetPriceVersionAsync(TestContext.Current.CancellationToken)).ShouldBe("v2");
        (await test.TotalsAsync()).CostUsd.ShouldBe(0.75m);
    }
}
