using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Telemetry;

/// <summary>
/// <c>telemetry health-check</c> on DuckDB files and on the real ClickHouse test server. The clock is CliRun's
/// 2026-11-26 12:00 UTC; the newest times of samples/claude were read off the files with a script: the last of the 33
/// de-duplicated usage lines at 23:37:25.024, the last stored line of any kind (an API error placeholder) at 23:39:33.024
/// on the 25th, so 12 h 20 min 26.976 s before the clock.
/// </summary>
public sealed class HealthCheckCommandTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task HealthCheck_EmptyStore_ShowsZeroRowsAndHowToFillItAndExitsZero()
    {
        var result = await Cli().RunAsync("telemetry", "health-check", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("embedded");
        result.Output.ShouldContain("schema version ");
        result.Output.ShouldMatch(@"api_requests\s*│\s*0\s*│");
        result.Output.ShouldMatch(@"import_files\s*│\s*0\s*│");
        result.Output.ShouldContain("The store is empty");
        result.Output.ShouldContain("context-cleaner import");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task HealthCheck_AfterImportingSamples_ShowsRequestCountAndNewestEventWithAge()
    {
        await ImportSamplesAsync();

        var result = await Cli().RunAsync("telemetry", "health-check", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldMatch(@"api_requests\s*│\s*33\s*│\s*2026-11-25 23:37:25 UTC");
        result.Output.ShouldContain("2026-11-25 23:39:33 UTC (12 hours ago)");
        result.Output.ShouldContain("OTEL_METRICS_EXPORTER=otlp");
        result.Output.ShouldNotContain("The store is empty");
    }

    [Fact]
    public async Task HealthCheck_Json_AfterImportingSamples_HasEveryKeyWithTheStoresFigures()
    {
        await ImportSamplesAsync();

        var result = await Cli().RunAsync("telemetry", "health-check", "--json", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["store", "engine", "mode", "schema", "tables", "newestEvent", "newestEventAgeSeconds", "metricPoints", "hints"]);
        json.GetProperty("store").GetString().ShouldBe(Store);
        json.GetProperty("engine").GetString().ShouldStartWith("DuckDB v");
        json.GetProperty("mode").GetString().ShouldBe("embedded");
        var tables = json.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        tables.Keys.ShouldBe(["api_requests", "events", "metric_points", "import_files"]);
        tables["api_requests"].GetProperty("present").GetBoolean().ShouldBeTrue();
        tables["api_requests"].GetProperty("rows").GetInt64().ShouldBe(33);
        tables["api_requests"].GetProperty("newest").GetString().ShouldBe("2026-11-25T23:37:25.024Z");
        tables["events"].GetProperty("rows").GetInt64().ShouldBe(56);   // 48 retry lines, 7 API errors, 1 model fallback
        tables["import_files"].GetProperty("rows").GetInt64().ShouldBe(31);
        tables["import_files"].GetProperty("newest").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("newestEvent").GetString().ShouldBe("2026-11-25T23:39:33.024Z");
        json.GetProperty("newestEventAgeSeconds").GetInt64().ShouldBe(44_426);   // 12 h 20 min 26.976 s, whole seconds
        json.GetProperty("metricPoints").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64()))
            .ShouldBe([("delta", 0L), ("cumulative", 0L), ("unspecified", 0L)]);
        json.GetProperty("hints").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("OTEL_METRICS_EXPORTER=otlp");
    }

    [Fact]
    public async Task HealthCheck_Json_EmptyStore_HasNullTimesAndTheEmptyStoreHint()
    {
        var result = await Cli().RunAsync("telemetry", "health-check", "--json", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json();
        json.GetProperty("newestEvent").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("newestEventAgeSeconds").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("tables").EnumerateArray().ShouldAllBe(t => t.GetProperty("rows").GetInt64() == 0);
        json.GetProperty("hints").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("`context-cleaner import`");
    }

    [Fact]
    public async Task HealthCheck_TranscriptsAvailable_DoesNotImportThem()
    {
        var result = await Cli().With("CLAUDE_CONFIG_DIR", RepositoryRoot.Samples).RunAsync("telemetry", "health-check", "--json", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("tables").EnumerateArray().ShouldAllBe(t => t.GetProperty("rows").GetInt64() == 0);
    }

    [Fact]
    public async Task HealthCheck_NewestEventDaysOld_HintsHowOldAndWhatToCheck()
    {
        await ImportSamplesAsync();

        var result = await Cli(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)).RunAsync("telemetry", "health-check", "--json", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        var stale = result.Json().GetProperty("hints").EnumerateArray().First().GetString()!;
        stale.ShouldContain("5 days old (2026-11-25 23:39 UTC)");
        stale.ShouldContain("CLAUDE_CODE_ENABLE_TELEMETRY=1");
    }

    [Fact]
    public async Task HealthCheck_UnreachableClickHouse_FailsWithOneLineAndNonZeroExit()
    {
        // A refused connection is retried (ClickHouseResilience) after delays on the command's clock: keep the fake
        // clock moving until the command gives up, or it waits forever.
        var cli = Cli();
        var run = cli.RunAsync("telemetry", "health-check", "--store", "clickhouse://127.0.0.1:1/unreachable");
        while (!run.IsCompleted)
        {
            cli.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var result = await run;

        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldBeEmpty();
        result.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("127.0.0.1:1");
    }

    [Fact]
    public async Task HealthCheck_NativeClickHouse_ReportsServerVersionAndNativeMode()
    {
        var url = Environment.GetEnvironmentVariable("CONTEXT_CLEANER_TEST_CLICKHOUSE");
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip("No local ClickHouse: run `bash scripts/clickhouse.sh start` and set CONTEXT_CLEANER_TEST_CLICKHOUSE to the URL it prints.");
        }

        var server = new Uri(url);
        var database = "t_" + Guid.NewGuid().ToString("N");
        var store = $"clickhouse://{server.Host}:{server.Port}/{database}";
        using var http = new HttpClient();
        try
        {
            var version = (await http.GetStringAsync(new Uri(server, "?query=SELECT%20version()"), TestContext.Current.CancellationToken)).Trim();
            await Cli().RunAsync("import", "--source", RepositoryRoot.Samples, "--store", store);

            var table = await Cli().RunAsync("telemetry", "health-check", "--store", store);
            var json = await Cli().RunAsync("telemetry", "health-check", "--json", "--store", store);

            table.ExitCode.ShouldBe(0, table.Error);
            table.Output.ShouldContain("ClickHouse " + version);
            table.Output.ShouldContain("native");
            json.ExitCode.ShouldBe(0, json.Error);
            json.Json().GetProperty("engine").GetString().ShouldBe("ClickHouse " + version);
            json.Json().GetProperty("mode").GetString().ShouldBe("native");
            json.Json().GetProperty("tables")[0].GetProperty("rows").GetInt64().ShouldBe(33);
            json.Json().GetProperty("newestEvent").GetString().ShouldBe("2026-11-25T23:39:33.024Z");
        }
        finally
        {
            using var drop = new StringContent($"DROP DATABASE IF EXISTS {database}");
            (await http.PostAsync(server, drop, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => _home.Dispose();

    private string Store => "duckdb://" + _home.Combine("store.duckdb");

    private CliRun Cli(DateTimeOffset? now = null) => new(_home.Path, now);

    private async Task ImportSamplesAsync()
    {
        var import = await Cli().RunAsync("import", "--source", RepositoryRoot.Samples, "--store", Store);
        import.ExitCode.ShouldBe(0, import.Error);
    }
}
