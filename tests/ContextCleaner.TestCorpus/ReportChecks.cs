using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>The daily, session and blocks comparisons.</summary>
internal static class ReportChecks
{
    public static void Daily(CheckTally tally, TruthView truth, JsonElement report)
    {
        var rows = Rows(report, ["daily"], r => Str(r, "date") ?? Str(r, "period"));
        tally.Set("daily: day set", truth.ByDay.EnumerateObject().Select(p => p.Name), rows.Keys);
        foreach (var day in truth.ByDay.EnumerateObject())
        {
            if (rows.TryGetValue(day.Name, out var row))
            {
                truth.CompareRow(tally, "day " + day.Name, day.Value, row);
            }
        }

        truth.CompareTotals(tally, "daily", Prop(report, "totals"));
        tally.Summary.Add("daily rows=" + rows.Count);
    }

    public static void Session(CheckTally tally, TruthView truth, JsonElement report)
    {
        var rows = Rows(report, ["sessions", "session"], r => Str(r, "sessionId") ?? Str(r, "period"));
        var sessions = truth.BySession.EnumerateObject().Select(p => p.Value).ToList();
        tally.Set("session: session-id set", sessions.Select(s => Str(s, "session_id") ?? string.Empty), rows.Keys);
        foreach (var s in sessions)
        {
            var id = Str(s, "session_id") ?? string.Empty;
            if (!rows.TryGetValue(id, out var row))
            {
                continue;
            }

            truth.CompareRow(tally, "session " + id, s, row);
            if (row.TryGetProperty("projectPath", out _))
            {
                tally.Text("session " + id + " projectPath", Str(s, "project") ?? string.Empty, Str(row, "projectPath"));
            }

            var last = Str(row, "lastActivity") ?? Str(Prop(row, "metadata"), "lastActivity");
            if (last is not null)
            {
                tally.Text("session " + id + " lastActivity", Str(s, "last_activity") ?? string.Empty, last);
            }
        }

        truth.CompareTotals(tally, "session", Prop(report, "totals"));
        tally.Summary.Add("session rows=" + rows.Count);
    }

    public static void Blocks(CheckTally tally, TruthView truth, JsonElement report)
    {
        string[] kinds = ["inputTokens", "outputTokens", "cacheCreationInputTokens", "cacheReadInputTokens"];
        var sums = new long[kinds.Length];
        var cost = 0m;
        var blocks = Prop(report, "blocks");
        var count = 0;
        foreach (var block in blocks.ValueKind == JsonValueKind.Array ? blocks.EnumerateArray() : default)
        {
            count++;
            var counts = Prop(block, "tokenCounts");
            for (var i = 0; i < kinds.Length; i++)
            {
                sums[i] += CheckTally.Long(counts, kinds[i]) ?? 0;
            }

            cost += CheckTally.Decimal(block, "costUSD") ?? 0m;
        }

        for (var i = 0; i < kinds.Length; i++)
        {
            tally.Tokens("blocks sum " + kinds[i], TruthView.Tokens(truth.Totals, TruthView.Kinds[i].Truth), sums[i]);
        }

        tally.Cost("blocks sum costUSD", truth.Cost(truth.Totals), cost);
        tally.Summary.Add("blocks=" + count);
    }

    private static Dictionary<string, JsonElement> Rows(JsonElement report, string[] names, Func<JsonElement, string?> key)
    {
        var rows = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var list = Prop(report, name);
            if (list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var row in list.EnumerateArray())
            {
                rows[key(row) ?? string.Empty] = row;
            }

            break;
        }

        return rows;
    }

    private static JsonElement Prop(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

    private static string? Str(JsonElement obj, string name) =>
        Prop(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
