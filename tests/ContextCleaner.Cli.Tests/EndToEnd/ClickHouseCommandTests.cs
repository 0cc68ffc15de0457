using System.Text.Json;
using ContextCleaner.Cli.Tests.Support;
using ContextCleaner.Tests.ClickHouse;
using Shouldly;

namespace ContextCleaner.Cli.Tests.EndToEnd;

/// <summary>
/// The real CLI against the real ClickHouse that scripts/test.sh starts (<c>CONTEXT_CLEANER_TEST_CLICKHOUSE</c>): the same
/// commands and answers as on DuckDB, and what a user sees when ClickHouse is down.
/// </summary>
public sealed class ClickHouseCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _work = new();
    private readonly Dictionary<string, string> _environment;
    private readonly string _database = "cli_" + Guid.NewGuid().ToString("N");
    private Uri? _server;

    public ClickHouseCommandTests() => _environment = new Dictionary<string, string> { ["HOME"] = _work.Path, ["XDG_DATA_HOME"] = _work.Combine("data") };

    private Uri Server => _server ?? throw new InvalidOperationException("not initialized");

    public ValueTask InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable("CONTEXT_CLEANER_TEST_CLICKHOUSE");
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip("No local ClickHouse: run `bash scripts/clickhouse.sh start` and set CONTEXT_CLEANER_TEST_CLICKHOUSE (scripts/test.sh does both).");
        }

        _server = new Uri(url);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Reports_OnClickHouse_SameJsonAsOnDuckDb()
    {
        using var timeout = Timeout();
        var clickHouse = $"clickhouse://{Server.Host}:{Server.Port}/{_database}";
        var duckDb = "duckdb://" + _work.Combine("reference.duckdb");

        foreach (var report in new[] { "daily", "session", "blocks", "monthly" })
        {
            var expected = await CliProcess.RunAsync(["report", report, "--json", "--source", RepositoryRoot.Samples, "--store", duckDb], _environment, timeout.Token);
            var actual = await CliProcess.RunAsync(["report", report, "--json", "--source", RepositoryRoot.Samples, "--store", clickHouse], _environment, timeout.Token);

            expected.ExitCode.ShouldBe(0, expected.Error);
            actual.ExitCode.ShouldBe(0, actual.Error);
            actual.Output.ShouldBe(expected.Output, report);
        }

        var daily = JsonDocument.Parse((await CliProcess.RunAsync(["report", "daily", "--json", "--no-import", "--store", clickHouse], _environment, timeout.Token)).Output);
        daily.RootElement.GetProperty("totals").GetProperty("totalCost").GetDecimal().ShouldBe(2.378393m);
    }

    [Theory]
    [InlineData(CollectorGeneration.WithTimestampTime)]
    [InlineData(CollectorGeneration.WithEventName)]
    public async Task CollectorTables_EveryCommandReadsThem_ImportAndServeRefuse(CollectorGeneration generation)
    {
        using var timeout = Timeout();
        await ClickHouseAsync($"CREATE DATABASE {_database}");
        await ClickHouseAsync(CollectorTables.Logs(_database, generation));
        // As the exporter writes Claude Code's records: attribute values as strings, some empty or missing.
        await ClickHouseAsync($"""
            INSERT INTO {_database}.otel_logs (Timestamp, ServiceName, Body, LogAttributes) VALUES
            ('2026-11-20 10:00:00.000000000', 'claude-code', 'claude_code.api_request', map('event.name', 'api_request', 'session.id', 's-1',
                'model', 'claude-sonnet-4-5', 'input_tokens', '1000', 'output_tokens', '500', 'cache_read_tokens', '', 'cost_usd', '0.0105', 'request_id', 'r1')),
            ('2026-11-20 10:00:00.000000000', 'claude-code', 'claude_code.api_request', map('event.name', 'api_request', 'session.id', 's-1',
                'model', 'claude-sonnet-4-5', 'input_tokens', '1000', 'output_tokens', '500', 'cache_read_tokens', '', 'cost_usd', '0.0105', 'request_id', 'r1')),
            ('2026-11-20 11:30:00.000000000', 'claude-code', 'claude_code.api_request', map('event.name', 'api_request', 'session.id', 's-2',
                'model', 'claude-sonnet-4-5', 'input_tokens', '2000', 'output_tokens', '', 'request_id', 'r2')),
            ('2026-11-20 11:31:00.000000000', 'claude-code', 'claude_code.api_error', map('event.name', 'api_error', 'session.id', 's-2',
                'model', 'claude-sonnet-4-5', 'status_code', '529', 'attempt', '11', 'error', 'Overloaded'))
            """);
        var store = $"clickhouse://{Server.Host}:{Server.Port}/{_database}";

        var daily = await CliProcess.RunAsync(["report", "daily", "--json", "--store", store], _environment, timeout.Token);
        var session = await CliProcess.RunAsync(["report", "session", "--json", "--store", store], _environment, timeout.Token);
        var blocks = await CliProcess.RunAsync(["report", "blocks", "--json", "--store", store], _environment, timeout.Token);
        var health = await CliProcess.RunAsync(["telemetry", "health-check", "--json", "--store", store], _environment, timeout.Token);
        var import = await CliProcess.RunAsync(["import", "--source", RepositoryRoot.Samples, "--store", store], _environment, timeout.Token);

        daily.ExitCode.ShouldBe(0, daily.Error);
        var totals = JsonDocument.Parse(daily.Output).RootElement.GetProperty("totals");
        totals.GetProperty("inputTokens").GetInt64().ShouldBe(3000);
        totals.GetProperty("outputTokens").GetInt64().ShouldBe(500);
        // The reported $0.0105 for r1 (sent twice, counted once), and r2 priced at Sonnet 4.5's $3 per million input tokens.
        totals.GetProperty("totalCost").GetDecimal().ShouldBe(0.0105m + 0.006m);
        session.ExitCode.ShouldBe(0, session.Error);
        JsonDocument.Parse(session.Output).RootElement.GetProperty("sessions").GetArrayLength().ShouldBe(2);
        blocks.ExitCode.ShouldBe(0, blocks.Error);
        JsonDocument.Parse(blocks.Output).RootElement.GetProperty("blocks").EnumerateArray()
            .Sum(b => b.GetProperty("tokenCounts").GetProperty("inputTokens").GetInt64()).ShouldBe(3000);
        health.ExitCode.ShouldBe(0, health.Error);
        health.Output.ShouldContain("\"collector\"");
        import.ExitCode.ShouldBe(2);
        import.Error.ShouldContain("read-only");
    }

    [Fact]
    public async Task Report_ClickHouseUnreachable_OneLineNamingTheMaskedUriAndTheCause()
    {
        using var timeout = Timeout();
        await using var relay = TcpRelay.Start(Server.Host, Server.Port);
        var port = relay.Port;
        await relay.StopAsync();

        var result = await CliProcess.RunAsync(["report", "daily", "--no-import", "--store", $"clickhouse://ci:hunter2@127.0.0.1:{port}/team"],
            _environment, timeout.Token);

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().ShouldBe($"error: ClickHouse at clickhouse://ci:***@127.0.0.1:{port}/team: connection refused (is the server running, and is this its HTTP port?)");
    }

    [Fact]
    public async Task Serve_ClickHouseDown_Answers503WithRetryAfter_StoresEverythingOnceItIsBack()
    {
        using var timeout = Timeout();
        await using var relay = TcpRelay.Start(Server.Host, Server.Port);
        var store = $"clickhouse://127.0.0.1:{relay.Port}/{_database}";
        using var server = await ServeProcess.StartAsync(store, _environment, timeout.Token);
        (await server.PostAsync("logs", OtlpBatches.ApiRequests("s-1", 0, 20), "application/json", timeout.Token)).ShouldBe(200);

        await relay.StopAsync();
        var down = await server.PostForAnswerAsync("logs", OtlpBatches.ApiRequests("s-1", 1, 20), "application/json", timeout.Token);
        down.Status.ShouldBe(503);
        down.RetryAfter.ShouldNotBeNull();

        // Back: the exporter re-sends the refused batch, and (as retries do) one that was already stored.
        relay.Resume();
        (await server.PostAsync("logs", OtlpBatches.ApiRequests("s-1", 1, 20), "application/json", timeout.Token)).ShouldBe(200);
        (await server.PostAsync("logs", OtlpBatches.ApiRequests("s-1", 0, 20), "application/json", timeout.Token)).ShouldBe(200);
        (await server.TerminateAsync(timeout.Token)).ExitCode.ShouldBe(0);

        var report = await CliProcess.RunAsync(["report", "session", "--json", "--no-import", "--store", store], _environment, timeout.Token);
        report.ExitCode.ShouldBe(0, report.Error);
        var session = JsonDocument.Parse(report.Output).RootElement.GetProperty("sessions").EnumerateArray().ShouldHaveSingleItem();
        session.GetProperty("inputTokens").GetInt64().ShouldBe(2 * 20 * 100);
        server.Cli.ErrorText.ShouldNotContain("hunter2");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await ClickHouseAsync($"DROP DATABASE IF EXISTS {_database}");
        }

        _work.Dispose();
    }

    // A statement through ClickHouse's HTTP interface, as a DBA would run it.
    private async Task ClickHouseAsync(string sql)
    {
        using var client = new HttpClient();
        using var body = new StringContent(sql);
        using var response = await client.PostAsync(Server, body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        return timeout;
    }
}
