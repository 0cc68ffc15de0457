using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// <c>serve [SECONDS] [SENDERS] [PROMPTS_PER_BODY]</c>: the OTLP receiver over loopback with concurrent senders posting
/// Claude Code-shaped log bodies (<see cref="ClaudeCodeOtlpPayloads"/>) into a fresh DuckDB file; sustained events/s
/// acknowledged (200 = committed), request latency p50/p99; then, in the same process, the raw rate of the store's
/// appender for the same events (one large first-import batch) and of its de-duplicating write path, as baselines.
/// </summary>
internal static class ServeBenchmark
{
    public static async Task ProbeAsync()
    {
        var prices = PriceTableLoader.Load();
        var bodies = Enumerable.Range(0, 200).Select(b => ClaudeCodeOtlpPayloads.Logs(1, b, 30)).ToList();
        var mapper = new OtlpEventMapper(prices, new OtlpMappingOptions());
        var clock = Stopwatch.StartNew();
        var mapped = bodies.Select(b => mapper.Map(OtlpJsonDecoder.Decode(OtlpSignal.Logs, b)).Events).ToList();
        for (var rep = 0; rep < 3; rep++)
        {
            clock.Restart();
            var decoded = bodies.Select(b => OtlpJsonDecoder.Decode(OtlpSignal.Logs, b)).ToList();
            var decodeTime = clock.Elapsed;
            mapped = decoded.Select(d => mapper.Map(d).Events).ToList();
            Console.WriteLine($"decode: {bodies.Sum(b => b.Length) / decodeTime.TotalSeconds / 1e6:N0} MB/s, {mapped.Sum(m => m.Count) / decodeTime.TotalSeconds:N0} events/s; map: {mapped.Sum(m => m.Count) / (clock.Elapsed - decodeTime).TotalSeconds:N0} events/s");
        }
        var path = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}.duckdb");
        await using var store = new DuckDbTelemetryStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        for (var group = 1; group <= 16; group *= 4)
        {
            clock.Restart();
            var n = 0;
            for (var i = 0; i + group <= mapped.Count && i < 64; i += group)
            {
                var events = mapped.Skip(i).Take(group).SelectMany(m => m).Select(e => new TelemetryEvent { Id = Guid.NewGuid(), Kind = e.Kind, Source = e.Source, TimestampUtc = e.TimestampUtc, SessionId = e.SessionId, Model = e.Model, Tokens = e.Tokens, RequestId = e.RequestId, SourcePath = e.SourcePath, Attributes = e.Attributes }).ToList();
                await store.WriteAsync(new EventBatch(events, []), CancellationToken.None);
                n += events.Count;
            }

            Console.WriteLine($"staged write, {group} bodies per commit: {n / clock.Elapsed.TotalSeconds:N0} events/s");
        }
    }

    public static async Task RunAsync(string[] args)
    {
        var serverBinary = args.SkipWhile(a => a != "--server").Skip(1).FirstOrDefault();
        var protobuf = args.Contains("--protobuf");
        args = [.. args.TakeWhile(a => a != "--server" && a != "--protobuf")];
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var senders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var prompts = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
        var prices = PriceTableLoader.Load();
        var work = Directory.CreateTempSubdirectory("cc-serve-bench");
        try
        {
            var (rate, p50, p99, requests) = await ReceiverAsync(Path.Combine(work.FullName, "serve.duckdb"), prices, seconds, senders, prompts, serverBinary, protobuf);
            var events = Events(prices, prompts, 50_000 / (prompts * ClaudeCodeOtlpPayloads.EventsPerPrompt) + 1);
            var append = await StoreRateAsync(Path.Combine(work.FullName, "append.duckdb"), events, newEvents: true);
            var staged = await StoreRateAsync(Path.Combine(work.FullName, "staged.duckdb"), events, newEvents: false);
            Console.WriteLine($"receiver ({(serverBinary is null ? "in this process" : serverBinary)}, {(protobuf ? "protobuf" : "JSON")}): {rate:N0} events/s over {seconds} s, {senders} senders, {prompts * ClaudeCodeOtlpPayloads.EventsPerPrompt} events per body, {requests:N0} requests, latency p50 {p50:N1} ms, p99 {p99:N1} ms");
            Console.WriteLine($"store appender (first-import path, {events.Count:N0} events in one transaction): {append:N0} events/s; receiver/appender = {rate / append:N2}");
            Console.WriteLine($"store de-duplicating write (the receiver's path, one transaction): {staged:N0} events/s; receiver/that = {rate / staged:N2}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(double Rate, double P50, double P99, long Requests)> ReceiverAsync(string path, PriceTable prices, int seconds, int senders, int prompts,
        string? serverBinary, bool protobuf)
    {
        await using var server = serverBinary is null ? await InProcessAsync(path, prices) : await ServerProcess.StartAsync(serverBinary, path);
        using var client = new HttpClient { BaseAddress = server.Address };
        var eventsPerBody = prompts * ClaudeCodeOtlpPayloads.EventsPerPrompt;
        var latencies = new List<double>[senders];
        long acknowledged = 0;
        var warmUp = TimeSpan.FromSeconds(2);
        // Bodies are serialized before the clock starts, as an exporter's are: the senders' CPU goes to sending.
        var perSender = (int)(((seconds + 2) * 100_000L / eventsPerBody / senders) + 1);
        var bodies = Enumerable.Range(0, senders).Select(s => Enumerable.Range(0, perSender).Select(b => ClaudeCodeOtlpPayloads.Logs(s, b, prompts))
            .Select(json => protobuf ? OtlpLogsProtobuf.Encode(OtlpJsonDecoder.Decode(OtlpSignal.Logs, json)) : json).ToArray()).ToArray();
        var contentType = protobuf ? "application/x-protobuf" : "application/json";
        var clock = Stopwatch.StartNew();
        var end = warmUp + TimeSpan.FromSeconds(seconds);
        double cpuAtWarmUp = 0;
        var cpuProbe = Task.Run(async () =>
        {
            await Task.Delay(warmUp);
            cpuAtWarmUp = (server as ServerProcess)?.CpuSeconds() ?? 0;
        });
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            latencies[sender] = [];
            for (var batch = 0; clock.Elapsed < end && batch < perSender; batch++)
            {
                using var content = new ByteArrayContent(bodies[sender][batch]);
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                var started = clock.Elapsed;
                using var response = await client.PostAsync(new Uri("/v1/logs", UriKind.Relative), content);
                if (started < warmUp)
                {
                    continue;
                }

                latencies[sender].Add((clock.Elapsed - started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref acknowledged, eventsPerBody);
                }
            }
        }));
        await cpuProbe;
        if (server is ServerProcess process)
        {
            var cpu = process.CpuSeconds() - cpuAtWarmUp;
            Console.WriteLine($"server CPU: {cpu:N2} s for {acknowledged:N0} events = {cpu * 1e6 / acknowledged:N1} µs per event (2 cores: at most {2 * acknowledged / cpu:N0} events/s)");
        }

        var all = latencies.SelectMany(l => l).Order().ToList();
        return (acknowledged / (clock.Elapsed - warmUp).TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], all.Count);
    }

    private static async Task<IReceiver> InProcessAsync(string path, PriceTable prices)
    {
        var server = await TelemetryServer.StartAsync(new ServerOptions { Listen = "127.0.0.1:0" }, async token =>
        {
            var store = new DuckDbTelemetryStore(path, TimeProvider.System);
            await store.InitializeAsync(token);
            return store;
        }, prices, TimeProvider.System, CancellationToken.None);
        return new InProcessReceiver(server);
    }

    private static List<TelemetryEvent> Events(PriceTable prices, int prompts, int bodies)
    {
        var mapper = new OtlpEventMapper(prices, new OtlpMappingOptions());
        return [.. Enumerable.Range(0, bodies).SelectMany(b => mapper.Map(OtlpJsonDecoder.Decode(OtlpSignal.Logs, ClaudeCodeOtlpPayloads.Logs(99, b, prompts))).Events)];
    }

    private static async Task<double> StoreRateAsync(string path, List<TelemetryEvent> events, bool newEvents)
    {
        await using var store = new DuckDbTelemetryStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await store.WriteAsync(newEvents ? new EventBatch([], events, []) : new EventBatch(events, []), CancellationToken.None);
        return events.Count / clock.Elapsed.TotalSeconds;
    }
}
