using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// <c>store EVENTS --duckdb PATH --clickhouse URI …</c>: the same synthetic Claude Code history (<see cref="SyntheticEvents"/>)
/// written into the DuckDB file store and the ClickHouse native store in one process, one after the other, then the
/// reports' queries on each; prints a markdown table of both with ClickHouse/DuckDB ratios (see benchmarks/clickhouse.sh).
/// </summary>
internal static class StoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        StoreBenchmarkOptions options;
        try
        {
            options = StoreBenchmarkOptions.Parse(args[1..]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var prices = PriceTableLoader.Load();
        List<StoreTarget> targets = [];
        if (options.DuckDbPath is { } path)
        {
            targets.Add(new DuckDbTarget(path));
        }

        if (options.ClickHouseUri is { } uri)
        {
            targets.Add(new ClickHouseTarget(uri, options.ClickHousePid));
        }

        var runs = new List<StoreMeasurements>();
        foreach (var target in targets)
        {
            var measurements = new StoreMeasurements { Store = target.Name };
            runs.Add(measurements);
            try
            {
                await new StoreRun(options, prices).RunAsync(target, measurements, cancel.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that fails is a result too: the table shows what was measured before, the failure below it.
                measurements.Problems.Add($"stopped by {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
                Console.Error.WriteLine($"{target.Name}: {e}");
            }

            if (!options.Keep)
            {
                await DeleteAsync(target, cancel.Token);
            }
        }

        Console.WriteLine(StoreReport.Render(options, runs));
        return runs.Any(r => r.Problems.Count > 0) ? 1 : 0;
    }

    private static async Task DeleteAsync(StoreTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await target.DeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"{target.Name}: could not delete the benchmark's data: {e.Message}");
        }
    }
}
