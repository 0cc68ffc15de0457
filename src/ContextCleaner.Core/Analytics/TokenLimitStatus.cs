namespace ContextCleaner.Core.Analytics;

/// <summary>How an active block's projected tokens compare with a token limit (warning from 80 %, as ccusage).</summary>
/// <param name="Limit">The limit.</param>
/// <param name="ProjectedUsage">Projected tokens at the block end (current tokens without a projection).</param>
/// <param name="PercentUsed">Projected share of the limit, in percent.</param>
/// <param name="Status"><c>ok</c>, <c>warning</c> or <c>exceeds</c>.</param>
public sealed record TokenLimitStatus(long Limit, long ProjectedUsage, double PercentUsed, string Status)
{
    /// <summary>Share of the limit from which a block is reported as <c>warning</c>.</summary>
    public const double WarningThreshold = 0.8;

    /// <summary>The status of <paramref name="block"/> against <paramref name="limit"/>.</summary>
    public static TokenLimitStatus For(BillingBlock block, long limit)
    {
        ArgumentNullException.ThrowIfNull(block);
        var projected = block.Projection?.TotalTokens ?? block.Tokens.Total;
        var percent = projected * 100.0 / limit;
        var status = percent > 100 ? "exceeds" : percent > WarningThreshold * 100 ? "warning" : "ok";
        return new TokenLimitStatus(limit, projected, percent, status);
    }

    /// <summary>The largest token total of any block: ccusage's <c>--token-limit max</c>.</summary>
    public static long Max(IEnumerable<BillingBlock> blocks) =>
        blocks.Where(b => !b.IsGap).Select(b => b.Tokens.Total).DefaultIfEmpty(0).Max();
}
