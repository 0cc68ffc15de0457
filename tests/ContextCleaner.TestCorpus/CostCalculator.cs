namespace ContextCleaner.TestCorpus;

/// <summary>Cost of one request under the two conventions recorded in the ground truth.</summary>
internal static class CostCalculator
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary>
    /// Anthropic's billing: when the prompt (input + cache reads + cache writes) exceeds 200k tokens on a model
    /// with a long-context tier, every token of the request is billed at the long-context rates.
    /// </summary>
    public static decimal Anthropic(ModelPrice price, TokenUsage usage)
    {
        var rates = price.LongContext is not null && IsLongContext(usage) ? price.LongContext : price.Base;
        var micro = (usage.Input * rates.Input) + (usage.Output * rates.Output) + (usage.Write5m * rates.Write5m)
            + (usage.Write1h * rates.Write1h) + (usage.CacheRead * rates.CacheRead);
        return micro / PerMillion;
    }

    /// <summary>
    /// ccusage 20's convention: per token kind, the first 200k tokens of that kind at the base rate and the rest at
    /// the long-context rate (models without a tier: everything at base).
    /// </summary>
    public static decimal Ccusage(ModelPrice price, TokenUsage usage)
    {
        var b = price.Base;
        var l = price.LongContext ?? price.Base;
        var micro = Tiered(usage.Input, b.Input, l.Input) + Tiered(usage.Output, b.Output, l.Output)
            + Tiered(usage.Write5m, b.Write5m, l.Write5m) + Tiered(usage.Write1h, b.Write1h, l.Write1h)
            + Tiered(usage.CacheRead, b.CacheRead, l.CacheRead);
        return micro / PerMillion;
    }

    public static bool IsLongContext(TokenUsage usage) => usage.Prompt > PriceList.LongContextThreshold;

    private static decimal Tiered(long tokens, decimal baseRate, decimal aboveRate)
    {
        if (tokens <= PriceList.LongContextThreshold)
        {
            return tokens * baseRate;
        }

        return (PriceList.LongContextThreshold * baseRate) + ((tokens - PriceList.LongContextThreshold) * aboveRate);
    }
}
