using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Keeps stored computed costs in step with the price table: when the table changed (a new release or a user
/// override), every stored request is priced again, so reports never mix two price lists.
/// </summary>
public static class PricingRefresher
{
    /// <summary>Reprices the store when its costs were made with another table; returns the number of requests repriced.</summary>
    public static async Task<long> EnsureCurrentAsync(ITelemetryStore store, PriceTable prices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(prices);
        if (await store.GetPriceVersionAsync(cancellationToken).ConfigureAwait(false) == prices.Version)
        {
            return 0;
        }

        var costs = new List<PricedEvent>();
        await foreach (var input in store.ReadPricingInputsAsync(cancellationToken).ConfigureAwait(false))
        {
            costs.Add(new PricedEvent(input.Id, CostCalculator.Compute(prices, input.Model, input.TimestampUtc, input.Tokens, input.Speed)));
        }

        await store.UpdateComputedCostsAsync(costs, prices.Version, cancellationToken).ConfigureAwait(false);
        return costs.Count;
    }
}
