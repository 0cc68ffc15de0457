using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Report;

public sealed class BlocksCommandTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task Blocks_Json_AllSamplesInOneBlockStartingAtTheHour()
    {
        // Captures span 23:36-23:59 UTC on 2026-11-25: one block from 23:00 to 04:00. The fake clock says 12:00 on
        // the 26th, more than 5 hours after the last request, so the block is not active.
        var result = await Run("report", "blocks", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var block = result.Json().GetProperty("blocks").EnumerateArray().ShouldHaveSingleItem();
        block.GetProperty("id").GetString().ShouldBe("2026-11-25T23:00:00.000Z");
        block.GetProperty("endTime").GetString().ShouldBe("2026-11-26T04:00:00.000Z");
        block.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        block.GetProperty("entries").GetInt32().ShouldBe(33);
        block.GetProperty("costUSD").GetDecimal().ShouldBe(2.378393m);
        block.GetProperty("tokenCounts").GetProperty("cacheCreationInputTokens").GetInt64().ShouldBe(411_443);
        block.GetProperty("burnRate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Blocks_ActiveBlock_HasBurnRateProjectionAndTokenLimitStatus()
    {
        var cli = new CliRun(_home.Path, new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

        var result = await cli.RunAsync("report", "blocks", "--json", "--active", "--token-limit", "1000000",
            "--source", RepositoryRoot.Samples, "--store", "duckdb://" + _home.Combine("store.duckdb"));

        result.ExitCode.ShouldBe(0, result.Error);
        var block = result.Json().GetProperty("blocks").EnumerateArray().ShouldHaveSingleItem();
        block.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        block.GetProperty("burnRate").GetProperty("tokensPerMinute").GetDouble().ShouldBeGreaterThan(0);
        var projection = block.GetProperty("projection");
        projection.GetProperty("remainingMinutes").GetInt64().ShouldBe(180);   // 01:00 → 04:00
        projection.GetProperty("totalTokens").GetInt64().ShouldBeGreaterThan(713_965);
        block.GetProperty("tokenLimitStatus").GetProperty("limit").GetInt64().ShouldBe(1_000_000);
    }

    public void Dispose() => _home.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        new CliRun(_home.Path).RunAsync([.. args, "--source", RepositoryRoot.Samples, "--store", "duckdb://" + _home.Combine("store.duckdb")]);
}
