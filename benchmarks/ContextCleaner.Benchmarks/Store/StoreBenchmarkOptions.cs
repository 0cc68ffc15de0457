using System.Globalization;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// <c>store EVENTS --duckdb PATH --clickhouse URI [--batch N] [--reps N] [--write dedup|new] [--clickhouse-pid PID] [--keep]</c>.
/// </summary>
/// <param name="Events">Events to generate and write.</param>
/// <param name="DuckDbPath">DuckDB file (deleted first); null: DuckDB not measured.</param>
/// <param name="ClickHouseUri">ClickHouse store URI (its database dropped first); null: ClickHouse not measured.</param>
/// <param name="BatchSize">Events per <c>WriteAsync</c>.</param>
/// <param name="Reps">Timed repetitions of each query, after one warm-up.</param>
/// <param name="NewEvents">
/// Bulk write as a first import does (<c>EventBatch.NewEvents</c>: no duplicate check) instead of through the
/// de-duplicating path every other writer takes (<c>EventBatch.Events</c>).
/// </param>
/// <param name="ClickHousePid">The ClickHouse server's process, whose CPU time is reported (optional).</param>
/// <param name="Keep">Keep the DuckDB file and the ClickHouse database afterwards.</param>
internal sealed record StoreBenchmarkOptions(long Events, string? DuckDbPath, string? ClickHouseUri, int BatchSize, int Reps, bool NewEvents,
    int? ClickHousePid, bool Keep)
{
    public const string Usage = "store EVENTS --duckdb PATH --clickhouse URI [--batch N] [--reps N] [--write dedup|new] [--clickhouse-pid PID] [--keep]";

    /// <summary>Parses the arguments after <c>store</c>; every problem in one message.</summary>
    public static StoreBenchmarkOptions Parse(string[] args)
    {
        var errors = new List<string>();
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        long Number(string? text, string name, long fallback, long min)
        {
            if (text is null)
            {
                return fallback;
            }

            if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            {
                errors.Add($"{name} must be a whole number >= {min} (got \"{text}\")");
            }

            return value;
        }

        var events = Number(args.FirstOrDefault() ?? "", "EVENTS", 0, 1);
        var batch = Number(Option("--batch"), "--batch", 100_000, 1);
        var reps = Number(Option("--reps"), "--reps", 5, 1);
        var pid = Option("--clickhouse-pid") is { } p ? (int?)Number(p, "--clickhouse-pid", 0, 1) : null;
        var write = Option("--write") ?? "dedup";
        if (write is not ("dedup" or "new"))
        {
            errors.Add($"--write must be dedup or new (got \"{write}\")");
        }

        var duckdb = Option("--duckdb");
        var clickhouse = Option("--clickhouse");
        if (duckdb is null && clickhouse is null)
        {
            errors.Add("give --duckdb PATH, --clickhouse URI or both");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"store: {string.Join("; ", errors)}. Usage: {Usage}");
        }

        return new StoreBenchmarkOptions(events, duckdb, clickhouse, (int)Math.Min(batch, int.MaxValue), (int)Math.Min(reps, 1_000), write == "new", pid,
            args.Contains("--keep"));
    }
}
