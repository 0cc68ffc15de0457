namespace ContextCleaner.Core.Pricing;

/// <summary>Long-context tier of one entry of <c>prices.json</c>.</summary>
internal sealed class PriceFileLongContext
{
    public long? ThresholdTokens { get; set; }

    public PriceFileRates? PerMillionTokens { get; set; }
}
