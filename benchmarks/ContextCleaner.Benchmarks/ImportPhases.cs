using System.Diagnostics;
using System.Globalization;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// Times each import phase in-process (parse, merge, open, write) with CPU time, GC pauses and allocations, so a
/// change can be attributed to a phase. <c>phases|parse-only PROJECTS STORE [REPS] [--allocations]</c>.
/// </summary>
internal static class ImportPhases
{
    private const int MaxLineBytes = 256 << 20;

    public static async Task RunAsync(string[] args)
    {
        var projects = args[1];
        var reps = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var n) ? n : 1;
        var prices = PriceTableLoader.Load();
        var stats = new ImportStatistics();
        var files = TranscriptFileEnumerator.Enumerate([projects], stats, []);
        Console.WriteLine($"{files.Count} files");
        var results = new FileImportResult[files.Count];
        using var allocations = args.Contains("--allocations") ? new AllocationListener() : null;
        for (var rep = 0; rep < reps; rep++)
        {
            var (wall, cpu, allocated, pause) = Measure(() => Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => new FileImportWorker(prices, MaxLineBytes, 20), (i, _, worker) => { results[i] = worker.Import(files[i], null, default); return worker; }, _ => { }));
            Console.WriteLine($"parse rep {rep}: {wall:0} ms wall, {cpu:0} ms cpu, gc pause {pause:0} ms, allocated {allocated >> 20} MB, events {results.Sum(r => r.Events.Count)}");
        }

        var batch = new ImportMerger(storeWasEmpty: true).Merge(results, stats, []);
        foreach (var (type, bytes) in allocations?.Bytes.OrderByDescending(p => p.Value).Take(12) ?? [])
        {
            Console.WriteLine($"  sampled allocations {bytes >> 20,6} MB  {type}");
        }

        if (args[0] == "parse-only")
        {
            return;
        }

        await using var store = new DuckDbTelemetryStore(args[2], TimeProvider.System);
        await store.InitializeAsync(default);
        var written = default(ContextCleaner.Core.Storage.WriteResult);
        var write = await MeasureAsync(async () => written = await store.WriteAsync(batch, default));
        Console.WriteLine($"write: {write.Wall:0} ms wall, {write.Cpu:0} ms cpu, allocated {write.Allocated >> 20} MB, {written}");
    }

    private static (double Wall, double Cpu, long Allocated, double Pause) Measure(Action action)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var pause = GC.GetTotalPauseDuration();
        action();
        return (wall.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(true) - allocated, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    private static async Task<(double Wall, double Cpu, long Allocated)> MeasureAsync(Func<Task> action)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        await action();
        return (wall.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, GC.GetTotalAllocatedBytes(true) - allocated);
    }
}
