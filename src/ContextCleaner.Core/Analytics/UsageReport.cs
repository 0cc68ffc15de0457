using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Analytics;

/// <summary>A daily, weekly, monthly or session report with totals and the warnings a user must see.</summary>
/// <param name="Period">How rows are grouped.</param>
/// <param name="Rows">Rows in report order.</param>
/// <param name="Tokens">Token totals.</param>
/// <param name="CostUsd">Cost total.</param>
/// <param name="Unpriced">Models that had requests without any cost, with their request counts.</param>
public sealed record UsageReport(UsagePeriod Period, IReadOnlyList<UsageReportRow> Rows, TokenUsage Tokens, decimal CostUsd,
    IReadOnlyList<UnpricedModel> Unpriced);
