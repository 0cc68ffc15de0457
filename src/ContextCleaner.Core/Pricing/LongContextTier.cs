namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Long-context pricing: when a request's input tokens (uncached + cache reads + cache writes) exceed
/// <see cref="ThresholdTokens"/>, Anthropic bills the whole request, output included, at <see cref="Rates"/>.
/// </summary>
/// <param name="ThresholdTokens">Input-side tokens above which the tier applies (200,000 for Sonnet 4/4.5).</param>
/// <param name="Rates">The premium rates, cache multipliers already applied.</param>
public sealed record LongContextTier(long ThresholdTokens, PriceRates Rates);
