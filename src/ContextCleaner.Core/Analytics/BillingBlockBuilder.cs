using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Analytics;

/// <summary>
/// Groups requests into billing blocks by ccusage's rules: a block starts at its first request floored to the UTC
/// hour and lasts <c>length</c> (5 h); a request more than <c>length</c> after the block start or after the block's
/// last request starts a new block; a silence longer than <c>length</c> leaves a gap block from last request +
/// length to the next request. Only the active block gets a burn rate and a projection.
/// </summary>
public static class BillingBlockBuilder
{
    /// <summary>Builds the blocks of <paramref name="entries"/> (oldest first).</summary>
    public static List<BillingBlock> Build(IEnumerable<UsageEntry> entries, CostMode mode, TimeSpan length, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var blocks = new List<BillingBlock>();
        BlockAccumulator? current = null;
        foreach (var entry in entries)
        {
            if (current is not null)
            {
                var sinceStart = entry.TimestampUtc - current.StartUtc;
                var sinceLast = entry.TimestampUtc - current.LastUtc;
                if (sinceStart <= length && sinceLast <= length)
                {
                    current.Add(entry, mode);
                    continue;
                }

                blocks.Add(current.ToBlock(length, nowUtc));
                if (sinceLast > length)
                {
                    blocks.Add(Gap(current.LastUtc + length, entry.TimestampUtc));
                }
            }

            current = new BlockAccumulator(FloorToHour(entry.TimestampUtc));
            current.Add(entry, mode);
        }

        if (current is not null)
        {
            blocks.Add(current.ToBlock(length, nowUtc));
        }

        return blocks;
    }

    /// <summary>The cost of one entry in <paramref name="mode"/>.</summary>
    public static decimal Cost(UsageEntry entry, CostMode mode) => mode switch
    {
        CostMode.Calculate => entry.ComputedCostUsd ?? 0,
        CostMode.Display => entry.ReportedCostUsd ?? 0,
        _ => entry.ReportedCostUsd ?? entry.ComputedCostUsd ?? 0,
    };

    private static BillingBlock Gap(DateTime start, DateTime end) => new()
    {
        Id = "gap-" + IsoTime.Format(start),
        StartUtc = start,
        EndUtc = end,
        IsActive = false,
        IsGap = true,
        Entries = 0,
        Tokens = default,
        CostUsd = 0,
        Models = [],
    };

    private static DateTime FloorToHour(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);
}
