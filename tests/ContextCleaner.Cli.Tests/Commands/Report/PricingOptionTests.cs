using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Report;

/// <summary>A model missing from the price table, then priced by a user file: the stored request is repriced.</summary>
public sealed class PricingOptionTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task Daily_UnknownModel_WarnsAndThenPricesFromOverrideFile()
    {
        // s01's only request (2722 input, 15 output, 19123 5-minute writes), renamed to a model no table knows.
        var line = File.ReadLines(Path.Combine(RepositoryRoot.Samples, "projects", "-home-user-project", "1732c5b9-417b-44b2-a76e-b963335c12f9.jsonl"))
            .First(l => l.Contains("\"usage\":{", StringComparison.Ordinal))
            .Replace("claude-sonnet-4-5-20250929", "claude-mystery-9", StringComparison.Ordinal);
        Directory.CreateDirectory(_home.Combine("claude", "projects", "p"));
        await File.WriteAllTextAsync(_home.Combine("claude", "projects", "p", "s.jsonl"), line + "\n", TestContext.Current.CancellationToken);

        var unpriced = await Run();

        unpriced.ExitCode.ShouldBe(0, unpriced.Error);
        unpriced.Error.ShouldContain("claude-mystery-9");
        unpriced.Error.ShouldContain("no price");
        unpriced.Json().GetProperty("totals").GetProperty("totalCost").GetDecimal().ShouldBe(0m);

        // Sonnet 4.5's list prices for the unknown name: Claude Code billed these tokens 0.08010225.
        await File.WriteAllTextAsync(_home.Combine("prices.json"), """
            { "version": 1, "models": [ { "id": "claude-mystery-9",
              "perMillionTokens": { "input": 3, "output": 15, "cacheWrite5m": 3.75, "cacheWrite1h": 6, "cacheRead": 0.3 } } ] }
            """, TestContext.Current.CancellationToken);
        var priced = await Run("--prices", _home.Combine("prices.json"));

        priced.ExitCode.ShouldBe(0, priced.Error);
        priced.Error.ShouldNotContain("no price");
        priced.Json().GetProperty("totals").GetProperty("totalCost").GetDecimal().ShouldBe(0.08010225m);
    }

    [Fact]
    public async Task Daily_BrokenPriceFile_FailsWithOneLineListingEveryProblem()
    {
        await File.WriteAllTextAsync(_home.Combine("prices.json"), """
            { "version": 1, "models": [ { "id": "x", "perMillionTokens": { "input": -1, "output": 15 } } ] }
            """, TestContext.Current.CancellationToken);

        var result = await new CliRun(_home.Path).RunAsync("report", "daily", "--prices", _home.Combine("prices.json"),
            "--source", RepositoryRoot.Samples, "--store", "duckdb://" + _home.Combine("store.duckdb"));

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').Length.ShouldBe(1, result.Error);
        result.Error.ShouldContain("input is negative");
        result.Error.ShouldContain("cacheRead is missing");
    }

    public void Dispose() => _home.Dispose();

    private Task<CliResult> Run(params string[] extra) =>
        new CliRun(_home.Path).RunAsync(["report", "daily", "--json", "-z", "UTC", .. extra,
            "--source", _home.Combine("claude"), "--store", "duckdb://" + _home.Combine("store.duckdb")]);
}
