namespace ContextCleaner.Core.Storage;

/// <summary>A recomputed cost for one stored event.</summary>
/// <param name="Id">Event id.</param>
/// <param name="ComputedCostUsd">New cost; null when the model is unpriced.</param>
public readonly record struct PricedEvent(Guid Id, decimal? ComputedCostUsd);
