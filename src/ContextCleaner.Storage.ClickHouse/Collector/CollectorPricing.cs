using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>
/// Prices what the collector tables hold, with the price table in effect now: per request for entries, per
/// <see cref="CollectorUsagePart"/> for sums (exact: within one model, day, speed and tier a cost is linear in tokens).
/// </summary>
internal sealed class CollectorPricing(PriceTable prices)
{
    /// <summary>The distinct long-context thresholds of the table, ascending: a request's tier is how many it exceeds.</summary>
    public long[] Thresholds { get; } = [.. prices.Entries.Select(p => p.LongContext?.ThresholdTokens).OfType<long>().Distinct().Order()];

    public string Version => prices.Version;

    public decimal? Cost(string? model, DateTime timestampUtc, TokenUsage tokens, string? speed) =>
        Round(CostCalculator.Compute(prices, model, timestampUtc, tokens, speed));

    public UsageAggregate Aggregate(CollectorUsagePart part, int? bucketMinutes)
    {
        var price = prices.Resolve(part.Model, part.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var computed = price is null ? (decimal?)null : Round(CostCalculator.Compute(price, part.Tokens, part.Speed, IsLongContext(price, part.Tier)));
        return new UsageAggregate
        {
            BucketStartUtc = part.Bucket is { } b ? DateTime.UnixEpoch.AddTicks(b * bucketMinutes!.Value * TimeSpan.TicksPerMinute) : null,
            SessionId = part.SessionId,
            Project = part.Project,
            Model = ModelName(part.Model, part.Speed),
            Tokens = part.Tokens,
            Requests = part.Requests,
            ComputedCostUsd = computed ?? 0m,
            ReportedCostUsd = part.ReportedCostUsd,
            AutoCostUsd = part.Reported ? part.ReportedCostUsd : computed ?? 0m,
            UnpricedRequests = computed is null ? part.Requests : 0,
            UncostedRequests = computed is null && !part.Reported ? part.Requests : 0,
            FirstUtc = part.FirstUtc,
            LastUtc = part.LastUtc,
        };
    }

    /// <summary>The model name of reports (fast mode marked), as the native stores' SQL builds it.</summary>
    public static string ModelName(string? model, string? speed) =>
        CostCalculator.IsFast(speed) ? (model ?? "unknown") + "-fast" : model ?? "unknown";

    // Tier t means the prompt exceeds the t lowest thresholds; above this price's threshold iff that one is among them.
    private bool IsLongContext(ModelPrice price, int tier) =>
        price.LongContext is { } longContext && Array.IndexOf(Thresholds, longContext.ThresholdTokens) < tier;

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 12, MidpointRounding.ToEven) : null;
}
