namespace ContextCleaner.Core.Pricing;

/// <summary>Prices in USD per million tokens of each kind, as Anthropic publishes them.</summary>
/// <param name="Input">Uncached input.</param>
/// <param name="Output">Output.</param>
/// <param name="CacheWrite5m">5-minute cache write (1.25× input in Anthropic's list).</param>
/// <param name="CacheWrite1h">1-hour cache write (2× input).</param>
/// <param name="CacheRead">Cache hit (0.1× input).</param>
public sealed record PriceRates(decimal Input, decimal Output, decimal CacheWrite5m, decimal CacheWrite1h, decimal CacheRead);
