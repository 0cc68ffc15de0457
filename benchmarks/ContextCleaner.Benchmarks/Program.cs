using System.Diagnostics;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Storage.DuckDb;

if (args[0] == "parse-probe") { ParseProbe.Run(args[1]); return; }
if (args[0] == "warm") { await WarmProbe.RunAsync(args[1]); return; }
// phases <projects-dir> <store-path>: time each import phase separately.
var projects = args[1];
var sw = Stopwatch.StartNew();
var prices = PriceTableLoader.Load();
Console.WriteLine($"prices {sw.Elapsed.TotalMilliseconds:0.0} ms");
sw.Restart();
var stats = new ImportStatistics();
var files = TranscriptFileEnumerator.Enumerate([projects], stats, []);
Console.WriteLine($"enumerate {files.Count} files {sw.Elapsed.TotalMilliseconds:0.0} ms");
sw.Restart();
var results = new FileImportResult[files.Count];
using var allocations = args.Contains("--allocations") ? new AllocationListener() : null;
for (var rep = 0; rep < (args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1); rep++)
{
    sw.Restart();
    var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var gc0 = GC.GetTotalPauseDuration();
    var parseAlloc0 = GC.GetTotalAllocatedBytes(true);
    Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
        () => new FileImportWorker(prices, 256 << 20, 20), (i, _, w) => { results[i] = w.Import(files[i], null, default); return w; }, _ => { });
    Console.WriteLine($"  parse rep {rep}: {sw.Elapsed.TotalMilliseconds:0.0} ms wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:0} ms cpu, gc pause {(GC.GetTotalPauseDuration() - gc0).TotalMilliseconds:0} ms, allocated {(GC.GetTotalAllocatedBytes(true) - parseAlloc0) / 1048576} MB");
}
sw.Restart();
Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
    () => new FileImportWorker(prices, 256 << 20, 20), (i, _, w) => { results[i] = w.Import(files[i], null, default); return w; }, _ => { });
Console.WriteLine($"parse {sw.Elapsed.TotalMilliseconds:0.0} ms, events {results.Sum(r => r.Events.Count)} gc0 {GC.CollectionCount(0)} gc1 {GC.CollectionCount(1)} gc2 {GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalMilliseconds} heap {GC.GetTotalMemory(false) / 1e6:0} MB");
sw.Restart();
var merger = new ImportMerger(true);
var pending = merger.Merge(results, stats, []);
Console.WriteLine($"merge {sw.Elapsed.TotalMilliseconds:0.0} ms -> {pending.NewEvents.Count}");
if (allocations is not null)
{
    foreach (var (type, bytes) in allocations.Bytes.OrderByDescending(p => p.Value).Take(15))
    {
        Console.WriteLine($"  alloc {bytes / 1048576,6} MB  {type}");
    }
}

if (args[0] == "parse-only") { return; }
sw.Restart();
await using var store = new DuckDbTelemetryStore(args[2], TimeProvider.System);
await store.InitializeAsync(default);
Console.WriteLine($"open {sw.Elapsed.TotalMilliseconds:0.0} ms");
sw.Restart();
var cpuW = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
var alloc0 = GC.GetTotalAllocatedBytes(true);
var w = await store.WriteAsync(pending, default);
Console.WriteLine($"write allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / 1048576} MB");
Console.WriteLine($"write {sw.Elapsed.TotalMilliseconds:0.0} ms, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuW).TotalMilliseconds:0} ms cpu {w}");
Console.WriteLine(string.Join(" ", File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("VmHWM", StringComparison.Ordinal) || l.StartsWith("RssAnon", StringComparison.Ordinal))));
await using (var probe = new DuckDB.NET.Data.DuckDBConnection("Data Source=" + args[2]))
{
    Console.WriteLine("(second connection shares the instance)");
}
