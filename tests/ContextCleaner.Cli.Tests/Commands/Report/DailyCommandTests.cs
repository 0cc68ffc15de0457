using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Report;

/// <summary>
/// <c>report daily</c> on the real Claude Code captures in samples/. Expected figures were computed by hand: the 41
/// usage lines de-duplicated by (message.id, requestId) are 33 requests; the cost is the sum of Claude Code's own
/// final <c>cost-state.totalCostUSD</c> per session ($2.378393), which our price table must reproduce exactly.
/// </summary>
public sealed class DailyCommandTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task Daily_Json_OnSampleTranscripts_MatchesHandCountedTotalsAndClaudeCodesCost()
    {
        var result = await Run("report", "daily", "--json", "-z", "UTC");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json();
        var day = json.GetProperty("daily").EnumerateArray().ShouldHaveSingleItem();
        day.GetProperty("date").GetString().ShouldBe("2026-11-25");
        var totals = json.GetProperty("totals");
        totals.GetProperty("inputTokens").GetInt64().ShouldBe(91_231);
        totals.GetProperty("outputTokens").GetInt64().ShouldBe(856);
        totals.GetProperty("cacheReadTokens").GetInt64().ShouldBe(210_435);
        totals.GetProperty("cacheCreationTokens").GetInt64().ShouldBe(411_443);
        totals.GetProperty("totalTokens").GetInt64().ShouldBe(713_965);
        totals.GetProperty("totalCost").GetDecimal().ShouldBe(2.378393m);
        day.GetProperty("modelBreakdowns").GetArrayLength().ShouldBe(4);
        day.GetProperty("modelsUsed").EnumerateArray().Select(m => m.GetString())
            .ShouldBe(["claude-haiku-4-5-20251001", "claude-opus-4-1-20250805", "claude-opus-5-5", "claude-sonnet-4-5-20250929"], ignoreOrder: true);
    }

    [Fact]
    public async Task Daily_Table_OnSampleTranscripts_ShowsTotalRowWithCost()
    {
        var result = await Run("report", "daily", "-z", "UTC", "--breakdown");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("2026-11-25");
        result.Output.ShouldContain("Total");
        result.Output.ShouldContain("$2.38");
        result.Output.ShouldContain("sonnet-4-5");
    }

    [Theory]
    [InlineData("20261126", null)]
    [InlineData(null, "2026-11-24")]
    public async Task Daily_Json_DateRangeWithoutUsage_ReturnsNoRowsAndZeroTotals(string? since, string? until)
    {
        string[] range = since is not null ? ["--since", since] : ["--until", until!];
        var result = await Run(["report", "daily", "--json", "-z", "UTC", .. range]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("daily").GetArrayLength().ShouldBe(0);
        result.Json().GetProperty("totals").GetProperty("totalTokens").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Daily_Json_TimeZoneAheadOfUtc_MovesLateRequestsToNextDay()
    {
        // The captures were taken between 23:36 and 23:59 UTC on 2026-11-25: in Tokyo (UTC+9) that is the 26th.
        var result = await Run("report", "daily", "--json", "-z", "Asia/Tokyo");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("daily").EnumerateArray().Single().GetProperty("date").GetString().ShouldBe("2026-11-26");
    }

    [Theory]
    [InlineData("--since", "2025-13-01", "--since")]
    [InlineData("--mode", "cheapest", "--mode")]
    [InlineData("--order", "up", "--order")]
    [InlineData("-z", "Mars/Olympus", "--timezone")]
    public async Task Daily_InvalidOption_FailsWithOneLineNamingTheOption(string option, string value, string named)
    {
        var result = await Run("report", "daily", option, value);

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().Split('\n').Length.ShouldBe(1, result.Error);
        result.Error.ShouldContain(named);
    }

    [Fact]
    public async Task Daily_NoImport_ReportsOnlyWhatTheStoreHolds()
    {
        var result = await Run("report", "daily", "--json", "--no-import");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("daily").GetArrayLength().ShouldBe(0);
    }

    public void Dispose() => _home.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        new CliRun(_home.Path).RunAsync([.. args, "--source", RepositoryRoot.Samples, "--store", "duckdb://" + _home.Combine("store.duckdb")]);
}
