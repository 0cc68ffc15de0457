using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Read access to a parsed ground_truth.json with the chosen cost key.</summary>
internal sealed class TruthView(JsonElement root, string costKey)
{
    /// <summary>(truth key, ccusage key) of the four token kinds.</summary>
    public static readonly (string Truth, string Report)[] Kinds =
    [
        ("input_tokens", "inputTokens"),
        ("output_tokens", "outputTokens"),
        ("cache_creation_tokens", "cacheCreationTokens"),
        ("cache_read_tokens", "cacheReadTokens"),
    ];

    public JsonElement Totals => root.GetProperty("totals");

    public JsonElement ByDay => root.GetProperty("by_day");

    public JsonElement BySession => root.GetProperty("by_session");

    public static long Tokens(JsonElement accumulator, string kind) => accumulator.GetProperty(kind).GetInt64();

    public decimal Cost(JsonElement accumulator) => accumulator.GetProperty(costKey).GetDecimal();

    /// <summary>Compares a report row (day or session) with a truth group {total, models}.</summary>
    public void CompareRow(CheckTally tally, string label, JsonElement group, JsonElement row)
    {
        var total = group.GetProperty("total");
        foreach (var (truthKey, reportKey) in Kinds)
        {
            tally.Tokens(label + " " + reportKey, Tokens(total, truthKey), CheckTally.Long(row, reportKey));
        }

        tally.Cost(label + " totalCost", Cost(total), CheckTally.Decimal(row, "totalCost"));
        var breakdowns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (row.TryGetProperty("modelBreakdowns", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in list.EnumerateArray())
            {
                breakdowns[m.GetProperty("modelName").GetString() ?? string.Empty] = m;
            }
        }

        var models = group.GetProperty("models");
        tally.Set(label + " model set", models.EnumerateObject().Select(p => p.Name), breakdowns.Keys);
        foreach (var model in models.EnumerateObject())
        {
            if (!breakdowns.TryGetValue(model.Name, out var got))
            {
                continue;
            }

            foreach (var (truthKey, reportKey) in Kinds)
            {
                tally.Tokens(label + " " + model.Name + " " + reportKey, Tokens(model.Value, truthKey), CheckTally.Long(got, reportKey));
            }

            tally.Cost(label + " " + model.Name + " cost", Cost(model.Value), CheckTally.Decimal(got, "cost"));
        }
    }

    /// <summary>Compares a report's "totals" object (4 kinds, totalTokens, totalCost).</summary>
    public void CompareTotals(CheckTally tally, string label, JsonElement totals)
    {
        var t = Totals;
        foreach (var (truthKey, reportKey) in Kinds)
        {
            tally.Tokens(label + " totals " + reportKey, Tokens(t, truthKey), CheckTally.Long(totals, reportKey));
        }

        tally.Tokens(label + " totals totalTokens", Tokens(t, "total_tokens"), CheckTally.Long(totals, "totalTokens"));
        tally.Cost(label + " totals totalCost", Cost(t), CheckTally.Decimal(totals, "totalCost"));
    }
}
