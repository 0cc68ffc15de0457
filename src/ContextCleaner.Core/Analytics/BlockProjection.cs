namespace ContextCleaner.Core.Analytics;

/// <summary>Where an active block ends up if the current burn rate holds.</summary>
/// <param name="TotalTokens">Projected tokens at the block end.</param>
/// <param name="TotalCostUsd">Projected cost, rounded to cents.</param>
/// <param name="RemainingMinutes">Minutes left in the block.</param>
public sealed record BlockProjection(long TotalTokens, decimal TotalCostUsd, long RemainingMinutes);
