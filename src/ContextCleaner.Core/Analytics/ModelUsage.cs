using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Analytics;

/// <summary>Usage of one model inside a report row.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Tokens">Token sums.</param>
/// <param name="CostUsd">Cost in the report's cost mode.</param>
/// <param name="Requests">Number of requests.</param>
public sealed record ModelUsage(string Model, TokenUsage Tokens, decimal CostUsd, long Requests);
