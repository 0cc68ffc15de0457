namespace ContextCleaner.Core.Pricing;

/// <summary>The price of one model from one date on.</summary>
public sealed record ModelPrice
{
    /// <summary>Canonical model id (<c>claude-sonnet-4-5-20250929</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Other names Claude Code or the API use for the same model (<c>claude-sonnet-4-5</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>First UTC day these prices apply; earlier requests use the earliest known entry.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Standard rates.</summary>
    public required PriceRates Rates { get; init; }

    /// <summary>Long-context tier, when the model has one.</summary>
    public LongContextTier? LongContext { get; init; }

    /// <summary>Multiplier for fast-mode requests (<c>usage.speed = "fast"</c>), when the model offers it.</summary>
    public decimal? FastMultiplier { get; init; }

    /// <summary>Where the numbers come from.</summary>
    public string? Source { get; init; }
}
