using System.Globalization;
using System.Text;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>The stores side by side as one markdown table, ClickHouse over DuckDB in the last column, then the checks.</summary>
internal static class StoreReport
{
    public static string Render(StoreBenchmarkOptions options, IReadOnlyList<StoreMeasurements> runs)
    {
        var duck = runs.FirstOrDefault(r => r.Store == "DuckDB");
        var ch = runs.FirstOrDefault(r => r.Store == "ClickHouse");
        var text = new StringBuilder();
        void Line(string s) => text.Append(s).Append('\n');
        void Row(string what, Func<StoreMeasurements, string> cell, Func<StoreMeasurements, double>? value = null) =>
            Line($"| {what} | {(duck is null ? "—" : cell(duck))} | {(ch is null ? "—" : cell(ch))} | "
                + $"{(duck is null || ch is null || value is null || value(duck) == 0 || value(ch) == 0 ? "" : F($"{value(ch) / value(duck):N2}"))} |");

        var generated = runs.MaxBy(r => r.Written)!;
        var path = options.NewEvents ? "first-import path (`EventBatch.NewEvents`, no duplicate check)" : "de-duplicating path (`EventBatch.Events`)";
        Line(F($"{options.Events:N0} synthetic events ({string.Join(", ", generated.ExpectedCounts.OrderByDescending(p => p.Value).Select(p => F($"{p.Key} {p.Value:N0}")))}),"));
        Line(F($"written {options.BatchSize:N0} per `WriteAsync` through the {path}; generating them (~{generated.GenerationTime.TotalSeconds:N0} s) is not counted."));
        Line(F($"Queries: one warm-up, then median [min] of {options.Reps} runs. Last column: ClickHouse's value over DuckDB's (times: > 1 is ClickHouse slower; rates: > 1 is ClickHouse faster)."));
        Line("");
        Line("| | DuckDB | ClickHouse | ClickHouse / DuckDB |");
        Line("|---|---|---|---|");
        bool Whole(StoreMeasurements m) => m.Written == options.Events;
        Row(F($"bulk write of {options.Events:N0} events, time in `WriteAsync`"),
            m => Whole(m) ? F($"{m.WriteTime.TotalSeconds:N1} s") : F($"stopped after {m.Written:N0} events"), m => Whole(m) ? m.WriteTime.TotalSeconds : 0);
        Row("bulk write rate", m => m.Written == 0 ? "—" : F($"{m.Written / m.WriteTime.TotalSeconds:N0} events/s"),
            m => m.Written == 0 ? 0 : m.Written / m.WriteTime.TotalSeconds);
        Row("CPU during the write: benchmark process (DuckDB runs in it)", m => F($"{m.WriteCpu.TotalSeconds:N1} s"), m => m.WriteCpu.TotalSeconds);
        Row("CPU during the write: ClickHouse server process", m => m.ServerWriteCpu is { } c ? F($"{c.TotalSeconds:N1} s") : "—");
        Row("background merges after the write, waited for before the queries", m => m.ActiveParts is null ? "—" : F($"{m.SettleTime.TotalSeconds:N1} s"));
        Row("on disk after the write", m => F($"{m.SizeBytes / 1048576.0:N0} MiB") + (m.ActiveParts is { } p ? F($" ({p} active parts)") : ""),
            m => m.SizeBytes);
        foreach (var name in runs.SelectMany(r => r.Queries).Select(q => q.Name).Distinct())
        {
            QueryTiming? Of(StoreMeasurements m) => m.Queries.FirstOrDefault(q => q.Name == name);
            Row(name, m => Of(m) is { } q ? F($"{q.MedianMs:N1} [{q.MinMs:N1}] ms, {q.Rows:N0} rows") : "—", m => Of(m)?.MedianMs ?? 0);
        }

        Row(F($"re-delivered batch ({Math.Min(options.BatchSize, options.Events):N0} stored events, de-duplicating path)"),
            m => m.RedeliveryEvents == 0 ? "—" : F($"{m.RedeliveryTime.TotalMilliseconds:N0} ms, {m.Redelivery.Inserted:N0} new, {m.Redelivery.Replaced:N0} replaced"),
            m => m.RedeliveryTime.TotalMilliseconds);
        Row(F($"fresh batch ({options.BatchSize:N0} new events) into the full store, de-duplicating path"),
            m => m.FreshBatchEvents == 0 ? "—" : F($"{m.FreshBatchTime.TotalMilliseconds:N0} ms ({m.FreshBatchEvents / m.FreshBatchTime.TotalSeconds:N0} events/s)"),
            m => m.FreshBatchTime.TotalMilliseconds);
        Line("");
        foreach (var m in runs)
        {
            Line(m.Problems.Count == 0
                ? $"{m.Store}: all-time totals and counts per kind equal what was generated ({m.Totals}); re-delivery stored nothing; the fresh batch was stored whole."
                : $"{m.Store}: **{m.Problems.Count} check(s) failed**: {string.Join("; ", m.Problems)}.");
        }

        return text.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
