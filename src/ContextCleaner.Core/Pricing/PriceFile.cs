namespace ContextCleaner.Core.Pricing;

/// <summary>The JSON shape of <c>prices.json</c> (the shipped table and user overrides).</summary>
internal sealed class PriceFile
{
    public int Version { get; set; }

    public List<PriceFileModel>? Models { get; set; }
}
