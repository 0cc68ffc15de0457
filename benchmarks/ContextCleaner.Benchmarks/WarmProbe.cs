using System.Diagnostics;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Benchmarks;

internal static class WarmProbe
{
    public static async Task RunAsync(string store)
    {
        var sw = Stopwatch.StartNew();
        await using var s = new DuckDbTelemetryStore(store, TimeProvider.System);
        await s.InitializeAsync(default);
        Console.WriteLine($"open {sw.Elapsed.TotalMilliseconds:0.0}");
        for (var i = 0; i < 3; i++)
        {
            sw.Restart();
            var q = UsageReportService.StoreQuery(new ReportRequest()) with { BucketMinutes = 60 };
            var rows = await s.QueryUsageAsync(q, default);
            Console.WriteLine($"query {rows.Count} rows {sw.Elapsed.TotalMilliseconds:0.0}");
            sw.Restart();
            var r = await UsageReportService.BuildAsync(s, new ReportRequest(), default);
            Console.WriteLine($"query+build {r.Rows.Count} rows {sw.Elapsed.TotalMilliseconds:0.0}");
        }
    }
}
