namespace ContextCleaner.Core.Pricing;

/// <summary>Rates of one entry of <c>prices.json</c>, USD per million tokens.</summary>
internal sealed class PriceFileRates
{
    public decimal? Input { get; set; }

    public decimal? Output { get; set; }

    public decimal? CacheWrite5m { get; set; }

    public decimal? CacheWrite1h { get; set; }

    public decimal? CacheRead { get; set; }
}
