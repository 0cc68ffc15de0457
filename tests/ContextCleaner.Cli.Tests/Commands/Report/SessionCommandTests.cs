using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Report;

public sealed class SessionCommandTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task Session_Json_OnSampleTranscripts_OneRowPerSessionWithRequests()
    {
        var result = await Run("report", "session", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var sessions = result.Json().GetProperty("sessions").EnumerateArray().ToList();
        // 31 captured sessions; the 7 whose only request failed (s11-s14, s22, s23, s29) have no usage.
        sessions.Count.ShouldBe(24);
        sessions.ShouldAllBe(s => s.GetProperty("projectPath").GetString() == "-home-user-project");
        var costs = sessions.Select(s => s.GetProperty("totalCost").GetDecimal()).ToList();
        costs.ShouldBe(costs.OrderByDescending(c => c).ToList());
        costs.Sum().ShouldBe(2.378393m);
        // s26 ran two prompts with --continue in one session file: two requests, one session.
        var continued = sessions.Single(s => s.GetProperty("sessionId").GetString() == "435761ab-b9b1-4b2f-a836-3171c4ed652f");
        continued.GetProperty("modelsUsed").EnumerateArray().Single().GetString().ShouldBe("claude-haiku-4-5-20251001");
    }

    [Fact]
    public async Task Session_Id_FiltersToThatSession()
    {
        var result = await Run("report", "session", "--json", "--id", "1732c5b9-417b-44b2-a76e-b963335c12f9");

        result.ExitCode.ShouldBe(0, result.Error);
        var session = result.Json().GetProperty("sessions").EnumerateArray().ShouldHaveSingleItem();
        // s01: Claude Code reported cost_usd 0.08010225 for this one request (2722 in, 15 out, 19123 5-minute writes).
        session.GetProperty("totalCost").GetDecimal().ShouldBe(0.08010225m);
        session.GetProperty("inputTokens").GetInt64().ShouldBe(2722);
    }

    [Theory]
    [InlineData("weekly", "weekly", "week", "2026-11-22")]
    [InlineData("monthly", "monthly", "month", "2026-11")]
    public async Task PeriodReports_Json_KeyRowsLikeCcusage(string command, string list, string key, string expected)
    {
        var result = await Run("report", command, "--json", "-z", "UTC");

        result.ExitCode.ShouldBe(0, result.Error);
        var row = result.Json().GetProperty(list).EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty(key).GetString().ShouldBe(expected);
        row.GetProperty("totalCost").GetDecimal().ShouldBe(2.378393m);
    }

    [Fact]
    public async Task Weekly_StartOfWeekMonday_KeysWeekByMonday()
    {
        var result = await Run("report", "weekly", "--json", "-z", "UTC", "--start-of-week", "monday");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("weekly").EnumerateArray().Single().GetProperty("week").GetString().ShouldBe("2026-11-23");
    }

    public void Dispose() => _home.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        new CliRun(_home.Path).RunAsync([.. args, "--source", RepositoryRoot.Samples, "--store", "duckdb://" + _home.Combine("store.duckdb")]);
}
