using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>
/// Compares ccusage-20-shaped report JSON (<c>claude daily|session|blocks --json</c>, run with UTC days) with a
/// ground_truth.json. Tokens must match exactly; costs within max(1e-9, 1e-9 × |truth|).
/// </summary>
public static class UsageTruthChecker
{
    /// <summary>Truth cost key for Anthropic's billing (whole request at long-context rates above 200k).</summary>
    public const string CostUsd = "cost_usd";

    /// <summary>Truth cost key for ccusage 20's per-token-kind long-context convention.</summary>
    public const string CostUsdCcusage = "cost_usd_ccusage";

    /// <summary>Checks the given reports against the ground truth.</summary>
    /// <param name="groundTruthJson">Contents of ground_truth.json.</param>
    /// <param name="reports">Report documents; omitted ones are not checked.</param>
    /// <param name="costKey"><see cref="CostUsd"/> or <see cref="CostUsdCcusage"/>.</param>
    /// <returns>Passed/failed counts and the first mismatches.</returns>
    public static UsageCheckResult Check(string groundTruthJson, UsageReports reports, string costKey = CostUsd)
    {
        ArgumentNullException.ThrowIfNull(groundTruthJson);
        ArgumentNullException.ThrowIfNull(reports);
        if (costKey is not (CostUsd or CostUsdCcusage))
        {
            throw new ArgumentException("cost key must be cost_usd or cost_usd_ccusage", nameof(costKey));
        }

        using var truthDoc = JsonDocument.Parse(groundTruthJson);
        var truth = new TruthView(truthDoc.RootElement, costKey);
        var tally = new CheckTally();
        Run(reports.DailyJson, doc => ReportChecks.Daily(tally, truth, doc));
        Run(reports.SessionJson, doc => ReportChecks.Session(tally, truth, doc));
        Run(reports.BlocksJson, doc => ReportChecks.Blocks(tally, truth, doc));
        return tally.ToResult();
    }

    /// <summary>Same as <see cref="Check"/>, reading the documents from files (null paths are skipped).</summary>
    /// <param name="groundTruthPath">Path of ground_truth.json.</param>
    /// <param name="dailyPath">Daily report file or null.</param>
    /// <param name="sessionPath">Session report file or null.</param>
    /// <param name="blocksPath">Blocks report file or null.</param>
    /// <param name="costKey"><see cref="CostUsd"/> or <see cref="CostUsdCcusage"/>.</param>
    /// <returns>Passed/failed counts and the first mismatches.</returns>
    public static UsageCheckResult CheckFiles(string groundTruthPath, string? dailyPath, string? sessionPath,
        string? blocksPath, string costKey = CostUsd)
    {
        static string? Read(string? path) => path is null ? null : File.ReadAllText(path);
        return Check(File.ReadAllText(groundTruthPath), new UsageReports(Read(dailyPath), Read(sessionPath), Read(blocksPath)), costKey);
    }

    private static void Run(string? json, Action<JsonElement> check)
    {
        if (json is null)
        {
            return;
        }

        using var doc = JsonDocument.Parse(json);
        check(doc.RootElement);
    }
}
