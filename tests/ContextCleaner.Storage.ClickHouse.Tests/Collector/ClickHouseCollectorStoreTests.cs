using ContextCleaner.Core;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using ContextCleaner.Tests.ClickHouse;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests.Collector;

public sealed class ClickHouseCollectorStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(CollectorGeneration.WithTimestampTime)]
    [InlineData(CollectorGeneration.WithEventName)]
    public async Task FixtureLogs_WrittenAsTheExporterDoes_SameAnswersAsDuckDb(CollectorGeneration generation)
    {
        await using var collector = await CollectorDatabase.CreateAsync(generation);
        var records = CollectorDatabase.FixtureLogRecords();
        await collector.WriteLogsAsync(records);
        // The exporter retries a batch whose insert timed out: the same rows land twice.
        await collector.WriteLogsAsync(records.Take(records.Count / 3));
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), TimeProvider.System);
        await duckDb.InitializeAsync(Token);
        await ClickHouseTestStore.WriteOtlpLogsAsync(duckDb);

        await using var store = new ClickHouseStore(collector.Location(), ClickHouseTestStore.Prices, TimeProvider.System);
        await store.InitializeAsync(Token);

        store.Mode.ShouldBe(ClickHouseStoreMode.Collector);
        store.IsReadOnly.ShouldBeTrue();
        var sessions = await duckDb.QueryUsageAsync(new UsageQuery { BySession = true }, Token);
        sessions.Sum(s => s.Requests).ShouldBeGreaterThan(0);
        var first = sessions.Min(s => s.FirstUtc);
        var last = sessions.Max(s => s.LastUtc);
        UsageQuery[] queries =
        [
            new(),
            new() { BucketMinutes = 60 },
            new() { BySession = true },
            new() { BucketMinutes = 5, FromUtc = first.AddMicroseconds(1), ToUtc = last },
            new() { SessionId = sessions[0].SessionId, BucketMinutes = 1440 },
            new() { Project = "no-such-project" },
        ];
        foreach (var query in queries)
        {
            ClickHouseTestStore.Sorted(await store.QueryUsageAsync(query, Token)).ShouldBe(ClickHouseTestStore.Sorted(await duckDb.QueryUsageAsync(query, Token)), query.ToString());
            ClickHouseTestStore.Ordered(await store.ReadUsageEntriesAsync(query, Token).ToListAsync(Token))
                .ShouldBe(ClickHouseTestStore.Ordered(await duckDb.ReadUsageEntriesAsync(query, Token).ToListAsync(Token)), query.ToString());
        }

        foreach (var query in queries.Where(q => !q.BySession))
        {
            (await store.QueryEventTalliesAsync(query, Token)).ShouldBe(await duckDb.QueryEventTalliesAsync(query, Token), query.ToString());
            (await store.QueryErrorsAsync(query, Token)).ShouldBe(await duckDb.QueryErrorsAsync(query, Token), query.ToString());
            (await store.QueryToolsAsync(query, Token)).ShouldBe(await duckDb.QueryToolsAsync(query, Token), query.ToString());
        }

        (await store.QueryToolsAsync(new UsageQuery(), Token)).ShouldNotBeEmpty();
        (await store.QueryErrorsAsync(new UsageQuery(), Token)).ShouldNotBeEmpty();
        (await store.CountEventsAsync(Token)).ShouldBe(await duckDb.CountEventsAsync(Token), ignoreOrder: true);
        foreach (var mode in new[] { CostMode.Auto, CostMode.Calculate, CostMode.Display })
        {
            var expected = await ClickHouseTestStore.ReportAsync(duckDb, mode);
            var actual = await ClickHouseTestStore.ReportAsync(store, mode);
            actual.CostUsd.ShouldBe(expected.CostUsd, mode.ToString());
            actual.Tokens.ShouldBe(expected.Tokens);
            actual.Rows.Select(r => (r.Key, r.Requests, r.CostUsd)).ShouldBe(expected.Rows.Select(r => (r.Key, r.Requests, r.CostUsd)));
        }
    }

    [Fact]
    public async Task LogsAndTraces_SpansAndRetryAttemptsAsTheReceiverMapsThem_SameAnalyticsAsDuckDb()
    {
        await using var collector = await CollectorDatabase.CreateAsync(CollectorGeneration.WithEventName, withMetrics: false, withTraces: true);
        var spans = CollectorDatabase.FixtureSpans();
        await collector.WriteLogsAsync(CollectorDatabase.FixtureLogRecords());
        await collector.WriteSpansAsync(spans);
        await collector.WriteSpansAsync(spans.Take(3));
        using var temp = new TempDirectory();
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), TimeProvider.System);
        await duckDb.InitializeAsync(Token);
        // Logs first, as Claude Code's exporters usually deliver them: a final failure seen in both keeps the log's copy.
        await ClickHouseTestStore.WriteOtlpLogsAsync(duckDb);
        var mapper = new OtlpEventMapper(ClickHouseTestStore.Prices, new OtlpMappingOptions());
        await duckDb.WriteAsync(new EventBatch(mapper.Map(new OtlpExport(OtlpSignal.Traces, [], [], spans)).Events, []), Token);

        await using var store = new ClickHouseStore(collector.Location(), ClickHouseTestStore.Prices, TimeProvider.System);
        await store.InitializeAsync(Token);

        var all = new UsageQuery();
        var errors = await store.QueryErrorsAsync(all, Token);
        errors.ShouldBe(await duckDb.QueryErrorsAsync(all, Token));
        (await store.QueryEventTalliesAsync(all, Token)).ShouldBe(await duckDb.QueryEventTalliesAsync(all, Token));
        (await store.QueryToolsAsync(all, Token)).ShouldBe(await duckDb.QueryToolsAsync(all, Token));
        (await store.CountEventsAsync(Token)).ShouldBe(await duckDb.CountEventsAsync(Token), ignoreOrder: true);
        // The 529-then-ok run's two retried attempts exist only in its trace.
        errors.Where(e => e.Kind == EventKind.ApiError && e.StatusCode is null).Sum(e => e.Count).ShouldBeGreaterThanOrEqualTo(2);
        (await store.CheckHealthAsync(Token)).Tables.Single(t => t.Name == "otel_traces").Rows.ShouldBe(spans.Count + 3);
    }

    [Fact]
    public async Task NumbersMissingOrEmpty_NeverFailAQuery_CountAsZero()
    {
        await using var collector = await CollectorDatabase.CreateAsync(CollectorGeneration.WithTimestampTime, withMetrics: false);
        var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        await collector.WriteLogsAsync(
        [
            Record(at, "api_request", ("model", "claude-sonnet-4-5"), ("input_tokens", ""), ("output_tokens", "100"), ("cost_usd", ""), ("request_id", "req_a")),
            Record(at.AddMinutes(1), "api_request", ("model", "claude-sonnet-4-5"), ("output_tokens", "200"), ("request_id", "req_b")),
            Record(at.AddMinutes(2), "api_request", ("model", "claude-sonnet-4-5"), ("input_tokens", "1000"), ("cost_usd", "0.5"), ("duration_ms", "n/a")),
            Record(at.AddMinutes(3), "api_error", ("status_code", ""), ("attempt", "x"), ("error", "boom")),
        ]);
        await using var store = new ClickHouseStore(collector.Location("?mode=collector"), ClickHouseTestStore.Prices, TimeProvider.System);
        await store.InitializeAsync(Token);

        var total = (await store.QueryUsageAsync(new UsageQuery(), Token)).ShouldHaveSingleItem();

        total.Requests.ShouldBe(3);
        total.Tokens.ShouldBe(new TokenUsage(1000, 300, 0, 0, 0));
        total.ReportedCostUsd.ShouldBe(0.5m);
        // $3 / $15 per million for Sonnet 4.5: 300 output tokens priced, the third request's reported cost kept.
        total.AutoCostUsd.ShouldBe(0.5m + (300 * 15m / 1_000_000m));
        (await store.CountEventsAsync(Token))[EventKind.ApiError].ShouldBe(1);
    }

    [Theory]
    [InlineData(CollectorGeneration.WithTimestampTime, "with TimestampTime, without EventName")]
    [InlineData(CollectorGeneration.WithEventName, "with EventName, without TimestampTime")]
    public async Task HealthCheck_ReportsGenerationRowsFreshnessTemporalityAndWhatIsMissing(CollectorGeneration generation, string layout)
    {
        await using var collector = await CollectorDatabase.CreateAsync(generation);
        var records = CollectorDatabase.FixtureLogRecords();
        await collector.WriteLogsAsync(records);
        await collector.ExecuteAsync($"""
            INSERT INTO {collector.Name}.otel_metrics_sum (MetricName, TimeUnix, Value, AggregationTemporality, IsMonotonic) VALUES
            ('claude_code.token.usage', '2026-11-25 23:40:00', 10, 1, true), ('claude_code.cost.usage', '2026-11-25 23:40:00', 0.1, 2, true)
            """);
        await using var store = new ClickHouseStore(collector.Location(), ClickHouseTestStore.Prices, TimeProvider.System);
        await store.InitializeAsync(Token);

        var health = await store.CheckHealthAsync(Token);

        health.Mode.ShouldBe("collector");
        health.Engine.ShouldStartWith("ClickHouse 26.");
        health.Schema.ShouldContain(layout);
        health.Tables[0].ShouldBe(new StoreTableStatus("otel_logs", true, records.Count, health.NewestEventUtc));
        var newest = records.Max(r => r.TimeUnixNano);
        health.NewestEventUtc.ShouldBe(DateTime.UnixEpoch.AddTicks((long)(newest / 100)));
        health.MetricPoints.ShouldBe(new Dictionary<MetricTemporality, long> { [MetricTemporality.Delta] = 1, [MetricTemporality.Cumulative] = 1 }, ignoreOrder: true);
        health.Tables.Single(t => t.Name == "otel_traces").Present.ShouldBeFalse();
        health.Hints.ShouldContain(h => h.Contains("otel_traces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_AreRefusedWithAClearMessage()
    {
        await using var collector = await CollectorDatabase.CreateAsync(CollectorGeneration.WithEventName, withMetrics: false);
        await using var store = new ClickHouseStore(collector.Location(), ClickHouseTestStore.Prices, TimeProvider.System);
        await store.InitializeAsync(Token);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.WriteAsync(new EventBatch([], []), Token));

        error.ExitCode.ShouldBe(2);
        error.Message.ShouldContain("read-only");
        error.Message.ShouldContain("?mode=native");
    }

    [Fact]
    public async Task CollectorModeWithoutOtelLogs_SaysWhatIsMissing()
    {
        await using var collector = await CollectorDatabase.CreateAsync(CollectorGeneration.WithEventName, withMetrics: false);
        await collector.ExecuteAsync($"DROP TABLE {collector.Name}.otel_logs");
        await using var store = new ClickHouseStore(collector.Location("?mode=collector"), ClickHouseTestStore.Prices, TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.InitializeAsync(Token));

        error.Message.ShouldContain($"no otel_logs table in database {collector.Name}");
    }

    private static OtlpLogRecord Record(DateTime at, string name, params (string Key, string Value)[] attributes)
    {
        var nanos = (ulong)(at - DateTime.UnixEpoch).Ticks * 100;
        var all = attributes.Prepend(("session.id", "s-1")).Prepend(("event.name", name))
            .Select(a => new OtlpKeyValue(a.Item1, OtlpValue.FromString(a.Item2))).ToList();
        return new OtlpLogRecord(new OtlpResource(new OtlpAttributes([new("service.name", OtlpValue.FromString("claude-code"))])),
            new OtlpScope("com.anthropic.claude_code.events", "2.1.328", OtlpAttributes.None), nanos, nanos, 9, "INFO",
            OtlpValue.FromString("claude_code." + name), new OtlpAttributes(all), null, null, null);
    }
}
