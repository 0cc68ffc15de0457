using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Analytics;

/// <summary>
/// Turns per-group, per-model sums from the store into report rows. Costs are summed in <see cref="decimal"/>, so a
/// total equals the sum of its rows to the last digit. Time rows are ordered by date; sessions by cost, most expensive
/// first (as ccusage does).
/// </summary>
public static class UsageReportBuilder
{
    /// <summary>Builds the report.</summary>
    public static UsageReport Build(IEnumerable<(string Key, UsageAggregate Aggregate)> keyed, UsagePeriod period, CostMode mode, ReportOrder order)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        var merged = new Dictionary<(string Key, string Model), UsageAggregate>();
        foreach (var (key, aggregate) in keyed)
        {
            merged[(key, aggregate.Model)] = merged.TryGetValue((key, aggregate.Model), out var sum) ? sum.Plus(aggregate) : aggregate;
        }

        var aggregates = merged.Values.ToList();
        var rows = merged
            .GroupBy(m => m.Key.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g.Select(m => m.Value)], mode))
            .ToList();
        rows = period == UsagePeriod.Session
            ? [.. rows.OrderByDescending(r => r.CostUsd).ThenByDescending(r => r.LastUtc)]
            : order == ReportOrder.Descending
                ? [.. rows.OrderByDescending(r => r.Key, StringComparer.Ordinal)]
                : [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];

        var tokens = rows.Aggregate(default(TokenUsage), (sum, r) => sum + r.Tokens);
        var unpriced = aggregates
            .GroupBy(a => a.Model, StringComparer.Ordinal)
            .Select(g => new UnpricedModel(g.Key, g.Sum(a => Uncosted(a, mode))))
            .Where(u => u.Requests > 0)
            .OrderBy(u => u.Model, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(period, rows, tokens, rows.Sum(r => r.CostUsd), unpriced);
    }

    /// <summary>The cost of an aggregate in <paramref name="mode"/>.</summary>
    public static decimal Cost(UsageAggregate aggregate, CostMode mode)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return mode switch
        {
            CostMode.Calculate => aggregate.ComputedCostUsd,
            CostMode.Display => aggregate.ReportedCostUsd,
            _ => aggregate.AutoCostUsd,
        };
    }

    private static long Uncosted(UsageAggregate a, CostMode mode) => mode switch
    {
        CostMode.Calculate => a.UnpricedRequests,
        CostMode.Display => 0,
        _ => a.UncostedRequests,
    };

    private static UsageReportRow Row(string key, List<UsageAggregate> models, CostMode mode)
    {
        var breakdown = models
            .Select(m => new ModelUsage(m.Model, m.Tokens, Cost(m, mode), m.Requests))
            .OrderByDescending(m => m.CostUsd)
            .ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();
        return new UsageReportRow
        {
            Key = key,
            Project = models.Select(m => m.Project).FirstOrDefault(p => p is not null),
            Tokens = models.Aggregate(default(TokenUsage), (sum, m) => sum + m.Tokens),
            CostUsd = breakdown.Sum(m => m.CostUsd),
            ModelsUsed = [.. models.OrderBy(m => m.FirstUtc).Select(m => m.Model)],
            Models = breakdown,
            FirstUtc = models.Min(m => m.FirstUtc),
            LastUtc = models.Max(m => m.LastUtc),
            Requests = models.Sum(m => m.Requests),
        };
    }
}
