using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Counts passed/failed checks and keeps the first mismatch descriptions.</summary>
internal sealed class CheckTally
{
    private const int MaxDetails = 40;
    private const decimal Tolerance = 0.000000001m;

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public List<string> Details { get; } = [];

    public List<string> Summary { get; } = [];

    /// <summary>Token counts must be exactly equal.</summary>
    public void Tokens(string what, long truth, long? got) =>
        Record(got == truth, what, truth.ToString(CultureInfo.InvariantCulture), Show(got));

    /// <summary>Costs must agree within max(1e-9, 1e-9 × |truth|).</summary>
    public void Cost(string what, decimal truth, decimal? got)
    {
        var ok = got is { } g && Math.Abs(truth - g) <= Math.Max(Tolerance, Tolerance * Math.Abs(truth));
        Record(ok, what, truth.ToString(CultureInfo.InvariantCulture), got?.ToString(CultureInfo.InvariantCulture) ?? "missing");
    }

    public void Text(string what, string truth, string? got) => Record(truth == got, what, truth, got ?? "missing");

    public void Set(string what, IEnumerable<string> truth, IEnumerable<string> got)
    {
        var t = truth.Order(StringComparer.Ordinal).ToList();
        var g = got.Order(StringComparer.Ordinal).ToList();
        if (t.SequenceEqual(g, StringComparer.Ordinal))
        {
            Record(true, what, string.Empty, string.Empty);
            return;
        }

        var missing = t.Except(g, StringComparer.Ordinal).Take(5);
        var extra = g.Except(t, StringComparer.Ordinal).Take(5);
        Record(false, what, t.Count + " items", g.Count + " items; missing [" + string.Join(", ", missing)
            + "] unexpected [" + string.Join(", ", extra) + "]");
    }

    public static long? Long(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            && v.TryGetInt64(out var n) ? n : null;

    /// <summary>A number as decimal (exponent notation and doubles accepted); null counts as 0, absence as missing.</summary>
    public static decimal? Decimal(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Null)
        {
            return 0m;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return v.TryGetDecimal(out var d) ? d : (decimal)v.GetDouble();
    }

    public UsageCheckResult ToResult() => new(Passed, Failed, Details.ToArray(), Summary.ToArray());

    private void Record(bool ok, string what, string truth, string got)
    {
        if (ok)
        {
            Passed++;
            return;
        }

        Failed++;
        if (Details.Count < MaxDetails)
        {
            Details.Add("MISMATCH " + what + ": truth=" + truth + " got=" + got);
        }
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missing";
}
