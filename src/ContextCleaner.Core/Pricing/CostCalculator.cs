using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Cost of one request as Anthropic bills it: tokens of each kind times their rate; above the long-context threshold
/// the whole request at the long-context rates (not only the tokens past the threshold, which is how ccusage 20 prices
/// it and why it under-bills such requests); fast mode multiplies the result.
/// </summary>
public static class CostCalculator
{
    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>Cost in USD, exact in <see cref="decimal"/>.</summary>
    public static decimal Compute(ModelPrice price, TokenUsage tokens, string? speed)
    {
        ArgumentNullException.ThrowIfNull(price);
        return Compute(price, tokens, speed, price.LongContext is { } tier && tokens.PromptTokens > tier.ThresholdTokens);
    }

    /// <summary>
    /// Cost of requests of one price and speed that are all above (or all below) the long-context threshold, from their
    /// summed tokens: the cost is linear in tokens once the tier is fixed, so a store may sum tokens per tier and price
    /// the sums (the collector tables hold no per-request cost).
    /// </summary>
    public static decimal Compute(ModelPrice price, TokenUsage tokens, string? speed, bool longContext)
    {
        ArgumentNullException.ThrowIfNull(price);
        var rates = longContext && price.LongContext is { } tier ? tier.Rates : price.Rates;
        var perMillion = (tokens.Input * rates.Input)
            + (tokens.Output * rates.Output)
            + (tokens.CacheWrite5m * rates.CacheWrite5m)
            + (tokens.CacheWrite1h * rates.CacheWrite1h)
            + (tokens.CacheRead * rates.CacheRead);
        var cost = perMillion / TokensPerMillion;
        return IsFast(speed) && price.FastMultiplier is { } multiplier ? cost * multiplier : cost;
    }

    /// <summary>Cost of a request of <paramref name="model"/> at <paramref name="timestampUtc"/>; null when unpriced.</summary>
    public static decimal? Compute(PriceTable table, string? model, DateTime timestampUtc, TokenUsage tokens, string? speed)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Resolve(model, timestampUtc) is { } price ? Compute(price, tokens, speed) : null;
    }

    /// <summary>True for Anthropic's fast mode.</summary>
    public static bool IsFast(string? speed) => string.Equals(speed, "fast", StringComparison.Ordinal);
}
