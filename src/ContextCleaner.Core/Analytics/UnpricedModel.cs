namespace ContextCleaner.Core.Analytics;

/// <summary>A model whose requests have no cost: not in the price table, and no reported cost either.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Requests">Requests without cost.</param>
public sealed record UnpricedModel(string Model, long Requests)
{
    /// <summary>The warning shown to the user.</summary>
    public string Warning =>
        $"{Requests} request(s) of model \"{Model}\" have no price (counted as $0): add the model to a prices.json override (--prices FILE).";
}
