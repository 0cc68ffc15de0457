namespace ContextCleaner.Core.Pricing;

/// <summary>One model entry of <c>prices.json</c>; rates in USD per million tokens.</summary>
internal sealed class PriceFileModel
{
    public string? Id { get; set; }

    public List<string>? Aliases { get; set; }

    public string? EffectiveFrom { get; set; }

    public PriceFileRates? PerMillionTokens { get; set; }

    public PriceFileLongContext? LongContext { get; set; }

    public decimal? FastMultiplier { get; set; }

    public string? Source { get; set; }
}
