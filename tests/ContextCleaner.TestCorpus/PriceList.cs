namespace ContextCleaner.TestCorpus;

/// <summary>
/// Hard-coded Anthropic list prices (USD per million tokens) of the models the corpus uses. Deliberately
/// independent of any pricing table in the product.
/// </summary>
internal static class PriceList
{
    public const string Sonnet45 = "claude-sonnet-4-5-20250929";
    public const string Opus41 = "claude-opus-4-1-20250805";
    public const string Sonnet4 = "claude-sonnet-4-20250514";
    public const string Haiku45 = "claude-haiku-4-5-20251001";

    /// <summary>Prompt size above which the long-context tier applies.</summary>
    public const long LongContextThreshold = 200_000;

    private static readonly Rates SonnetBase = new(3m, 15m, 3.75m, 6m, 0.30m);
    private static readonly Rates SonnetLong = new(6m, 22.5m, 7.5m, 12m, 0.60m);

    public static IReadOnlyList<ModelPrice> All { get; } =
    [
        new(Sonnet45, SonnetBase, SonnetLong),
        new(Opus41, new Rates(15m, 75m, 18.75m, 30m, 1.50m), null),
        new(Sonnet4, SonnetBase, SonnetLong),
        new(Haiku45, new Rates(1m, 5m, 1.25m, 2m, 0.10m), null),
    ];

    public static ModelPrice Get(string model)
    {
        foreach (var price in All)
        {
            if (price.Model == model)
            {
                return price;
            }
        }

        throw new ArgumentException("no price for model " + model, nameof(model));
    }
}
