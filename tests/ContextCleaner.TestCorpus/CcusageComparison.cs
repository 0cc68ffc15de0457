using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>
/// Compares our reports with ccusage's on the same corpus: tokens must be identical everywhere; costs identical
/// except where the corpus holds long-context requests, which ccusage prices per token kind (under-billing them)
/// and we bill as Anthropic does. There our cost minus ccusage's must equal the ground truth's
/// <c>cost_usd - cost_usd_ccusage</c> for that row, so the one known difference is checked, not excused.
/// </summary>
public static class CcusageComparison
{
    /// <summary>Compares daily reports (key <c>date</c>) and session reports (key <c>sessionId</c>); lists explained differences.</summary>
    public static UsageCheckResult Compare(string groundTruthPath, string oursDaily, string ccusageDaily, string oursSession, string ccusageSession,
        TextWriter explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        using var truth = JsonDocument.Parse(File.ReadAllText(groundTruthPath));
        var tally = new CheckTally();
        var byDay = truth.RootElement.GetProperty("by_day");
        var bySession = truth.RootElement.GetProperty("by_session").EnumerateObject()
            .ToDictionary(p => p.Value.GetProperty("session_id").GetString()!, p => p.Value, StringComparer.Ordinal);
        CompareRows(tally, "day", "daily", "date", oursDaily, ccusageDaily, key => byDay.GetProperty(key), explained);
        CompareRows(tally, "session", "sessions", "sessionId", oursSession, ccusageSession, key => bySession[key], explained);
        return tally.ToResult();
    }

    private static void CompareRows(CheckTally tally, string label, string listName, string keyName, string oursPath, string ccusagePath,
        Func<string, JsonElement> truthRow, TextWriter explained)
    {
        using var ours = JsonDocument.Parse(File.ReadAllText(oursPath));
        using var theirs = JsonDocument.Parse(File.ReadAllText(ccusagePath));
        var ourRows = Rows(ours.RootElement, listName, keyName);
        var theirRows = Rows(theirs.RootElement, listName, keyName);
        tally.Set($"{label} set", theirRows.Keys, ourRows.Keys);
        foreach (var (key, their) in theirRows)
        {
            if (!ourRows.TryGetValue(key, out var our))
            {
                continue;
            }

            foreach (var (_, kind) in TruthView.Kinds)
            {
                tally.Tokens($"{label} {key} {kind} (ours vs ccusage)", CheckTally.Long(their, kind) ?? -1, CheckTally.Long(our, kind));
            }

            var expected = truthRow(key).GetProperty("total");
            var difference = expected.GetProperty("cost_usd").GetDecimal() - expected.GetProperty("cost_usd_ccusage").GetDecimal();
            var theirCost = CheckTally.Decimal(their, "totalCost") ?? 0;
            var ourCost = CheckTally.Decimal(our, "totalCost");
            tally.Cost($"{label} {key} cost (ours = ccusage + long-context correction)", theirCost + difference, ourCost);
            if (difference != 0)
            {
                explained.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label} {key}: ccusage {theirCost:0.000000} + long-context correction {difference:0.000000} = ours {ourCost:0.000000}"));
            }
        }
    }

    private static Dictionary<string, JsonElement> Rows(JsonElement root, string listName, string keyName) =>
        root.GetProperty(listName).EnumerateArray().ToDictionary(r => r.GetProperty(keyName).GetString()!, r => r.Clone(), StringComparer.Ordinal);
}
