using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// Sums over API requests: what the generator wrote, and what a store's aggregate query returns, so every run checks
/// that both stores count every request once and lose no token or cent.
/// </summary>
internal sealed record UsageTotals(long Requests, TokenUsage Tokens, decimal ComputedCostUsd, decimal ReportedCostUsd)
{
    public static UsageTotals Empty { get; } = new(0, default, 0, 0);

    public static UsageTotals Of(IEnumerable<UsageAggregate> rows) =>
        rows.Aggregate(Empty, (sum, r) => new UsageTotals(sum.Requests + r.Requests, sum.Tokens + r.Tokens, sum.ComputedCostUsd + r.ComputedCostUsd,
            sum.ReportedCostUsd + r.ReportedCostUsd));

    /// <summary>Adds a generated request, its costs rounded to the stores' 12 decimals.</summary>
    public UsageTotals Plus(TelemetryEvent request) => new(Requests + 1, Tokens + request.Tokens,
        ComputedCostUsd + decimal.Round(request.ComputedCostUsd ?? 0, 12, MidpointRounding.ToEven),
        ReportedCostUsd + decimal.Round(request.ReportedCostUsd ?? 0, 12, MidpointRounding.ToEven));

    public override string ToString() =>
        $"{Requests:N0} requests, {Tokens.Total:N0} tokens (in {Tokens.Input:N0}, out {Tokens.Output:N0}, cache read {Tokens.CacheRead:N0}, "
        + $"5m {Tokens.CacheWrite5m:N0}, 1h {Tokens.CacheWrite1h:N0}), computed ${ComputedCostUsd:N6}, reported ${ReportedCostUsd:N6}";
}
