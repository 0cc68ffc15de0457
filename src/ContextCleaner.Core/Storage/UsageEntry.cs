using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>One API request, as billing blocks need it.</summary>
/// <param name="TimestampUtc">When it happened.</param>
/// <param name="Model">Model (with <c>-fast</c> for fast mode).</param>
/// <param name="Tokens">Token usage.</param>
/// <param name="ComputedCostUsd">Computed cost; null when unpriced.</param>
/// <param name="ReportedCostUsd">Reported cost, when the source had one.</param>
public readonly record struct UsageEntry(DateTime TimestampUtc, string Model, TokenUsage Tokens, decimal? ComputedCostUsd, decimal? ReportedCostUsd);
