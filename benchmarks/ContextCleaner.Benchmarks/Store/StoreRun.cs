using System.Diagnostics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// One store through the whole benchmark: bulk write of the synthetic history, the analytics queries (one warm-up, then
/// timed repetitions), the totals checked against what was generated, a re-delivered batch (must store nothing) and a
/// fresh batch written into the full store through the de-duplicating path.
/// </summary>
internal sealed class StoreRun(StoreBenchmarkOptions options, PriceTable prices)
{
    /// <summary>Runs every step, filling <paramref name="m"/> as it goes (a failure keeps what was measured before it).</summary>
    public async Task RunAsync(StoreTarget target, StoreMeasurements m, CancellationToken cancellationToken)
    {
        await using var store = await target.OpenEmptyAsync(cancellationToken);
        await WriteAllAsync(store, target, m, cancellationToken);
        m.SettleTime = await target.SettleAsync(cancellationToken);
        m.SizeBytes = await target.SizeBytesAsync(cancellationToken);
        m.ActiveParts = target is ClickHouseTarget clickHouse ? await clickHouse.ActivePartsAsync(cancellationToken) : null;
        var sample = new SyntheticEvents(prices);
        var project = $"-home-dev-src-project-{0:D3}";
        foreach (var (name, run) in StoreQueries.All(project, sample.SessionOf(0).Id))
        {
            m.Queries.Add(await TimeAsync(name, () => run(store, cancellationToken)));
            var q = m.Queries[^1];
            Console.Error.WriteLine($"{target.Name}: {q.Name}: median {q.MedianMs:N1} ms, min {q.MinMs:N1} ms, {q.Rows:N0} rows");
        }

        m.Totals = UsageTotals.Of(await store.QueryUsageAsync(new UsageQuery(), cancellationToken));
        m.Counts = await store.CountEventsAsync(cancellationToken);
        Check(m);
        await RedeliverAsync(store, m, cancellationToken);
        await WriteFreshBatchAsync(store, m, cancellationToken);
    }

    private async Task WriteAllAsync(ITelemetryStore store, StoreTarget target, StoreMeasurements m, CancellationToken cancellationToken)
    {
        var generator = new SyntheticEvents(prices);
        var expected = UsageTotals.Empty;
        var serverCpu = target.ServerCpu();
        var progress = Stopwatch.StartNew();
        for (long first = 0; first < options.Events; first += options.BatchSize)
        {
            var generating = Stopwatch.GetTimestamp();
            var events = generator.Batch(first, (int)Math.Min(options.BatchSize, options.Events - first));
            m.GenerationTime += Stopwatch.GetElapsedTime(generating);
            foreach (var e in events)
            {
                m.ExpectedCounts[e.Kind] = m.ExpectedCounts.GetValueOrDefault(e.Kind) + 1;
                expected = e.Kind == EventKind.ApiRequest ? expected.Plus(e) : expected;
            }

            var cpu = ProcessCpu();
            var started = Stopwatch.GetTimestamp();
            var result = await store.WriteAsync(Batch(events, newEvents: options.NewEvents), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            m.WriteTime += elapsed;
            m.WriteCpu += ProcessCpu() - cpu;
            m.Written += events.Count;
            m.WriteTotals = new WriteResult(m.WriteTotals.Inserted + result.Inserted, m.WriteTotals.Replaced + result.Replaced,
                m.WriteTotals.AlreadyStored + result.AlreadyStored);
            if (progress.Elapsed > TimeSpan.FromSeconds(10) || m.Written == options.Events)
            {
                progress.Restart();
                Console.Error.WriteLine($"{target.Name}: {m.Written:N0} / {options.Events:N0} written in {m.WriteTime.TotalSeconds:N1} s "
                    + $"({m.Written / m.WriteTime.TotalSeconds:N0} events/s; last batch {elapsed.TotalMilliseconds:N0} ms)");
            }
        }

        m.Expected = expected;
        m.ServerWriteCpu = target.ServerCpu() - serverCpu;
    }

    private async Task RedeliverAsync(ITelemetryStore store, StoreMeasurements m, CancellationToken cancellationToken)
    {
        var events = new SyntheticEvents(prices).Batch(0, (int)Math.Min(options.BatchSize, options.Events));
        var started = Stopwatch.GetTimestamp();
        m.Redelivery = await store.WriteAsync(Batch(events, newEvents: false), cancellationToken);
        m.RedeliveryTime = Stopwatch.GetElapsedTime(started);
        m.RedeliveryEvents = events.Count;
        if (m.Redelivery != new WriteResult(0, 0, events.Count))
        {
            m.Problems.Add($"re-delivered batch of {events.Count:N0} stored events: {m.Redelivery} (expected nothing inserted or replaced)");
        }
    }

    private async Task WriteFreshBatchAsync(ITelemetryStore store, StoreMeasurements m, CancellationToken cancellationToken)
    {
        var events = new SyntheticEvents(prices).Batch(options.Events, options.BatchSize);
        var started = Stopwatch.GetTimestamp();
        m.FreshBatch = await store.WriteAsync(Batch(events, newEvents: false), cancellationToken);
        m.FreshBatchTime = Stopwatch.GetElapsedTime(started);
        m.FreshBatchEvents = events.Count;
        if (m.FreshBatch != new WriteResult(events.Count, 0, 0))
        {
            m.Problems.Add($"fresh batch of {events.Count:N0} new events: {m.FreshBatch} (expected all inserted)");
        }
    }

    private static void Check(StoreMeasurements m)
    {
        if (m.Totals != m.Expected)
        {
            m.Problems.Add($"all-time aggregate: {m.Totals}; generated: {m.Expected}");
        }

        foreach (var (kind, count) in m.ExpectedCounts)
        {
            if (m.Counts.GetValueOrDefault(kind) != count)
            {
                m.Problems.Add($"CountEventsAsync {EventKindNames.ToName(kind)}: {m.Counts.GetValueOrDefault(kind):N0}, generated {count:N0}");
            }
        }
    }

    private async Task<QueryTiming> TimeAsync(string name, Func<Task<long>> query)
    {
        var rows = await query();
        var times = new List<double>(options.Reps);
        for (var rep = 0; rep < options.Reps; rep++)
        {
            var started = Stopwatch.GetTimestamp();
            rows = await query();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new QueryTiming(name, median, times[0], rows);
    }

    private static EventBatch Batch(List<TelemetryEvent> events, bool newEvents) => newEvents ? new EventBatch([], events, []) : new EventBatch(events, []);

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
