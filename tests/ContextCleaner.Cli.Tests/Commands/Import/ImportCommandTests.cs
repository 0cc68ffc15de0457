using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.Commands.Import;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _home = new();

    [Fact]
    public async Task Import_Json_OnSampleTranscripts_CountsEveryKindOfLine()
    {
        var result = await Cli().RunAsync("import", "--json", "--source", RepositoryRoot.Samples, "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json();
        json.GetProperty("filesFound").GetInt64().ShouldBe(31);
        json.GetProperty("usageLines").GetInt64().ShouldBe(41);      // one line per content block
        json.GetProperty("duplicates").GetInt64().ShouldBe(8);       // 41 lines, 33 requests
        json.GetProperty("retryLines").GetInt64().ShouldBe(48);      // every system/api_error retry line
        json.GetProperty("apiErrorLines").GetInt64().ShouldBe(7);    // the <synthetic> final failures
        json.GetProperty("malformedLines").GetInt64().ShouldBe(0);
        json.GetProperty("eventsInserted").GetInt64().ShouldBe(33 + 48 + 7 + 1);   // + one model_fallback line
    }

    [Fact]
    public async Task Import_Twice_SecondRunReadsNothingAndStoresNothing()
    {
        await Cli().RunAsync("import", "--source", RepositoryRoot.Samples, "--store", Store);

        var again = await Cli().RunAsync("import", "--json", "--source", RepositoryRoot.Samples, "--store", Store);

        again.ExitCode.ShouldBe(0, again.Error);
        again.Json().GetProperty("filesUnchanged").GetInt64().ShouldBe(31);
        again.Json().GetProperty("bytesRead").GetInt64().ShouldBe(0);
        again.Json().GetProperty("eventsInserted").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Import_NoTranscriptsAnywhere_FailsWithOneLineSayingWhereItLooked()
    {
        var result = await Cli().RunAsync("import", "--store", Store);

        result.ExitCode.ShouldBe(1);
        var line = result.Error.Trim();
        line.Split('\n').Length.ShouldBe(1, result.Error);
        line.ShouldContain(Path.Combine(_home.Path, ".config", "claude", "projects"));
        line.ShouldContain(Path.Combine(_home.Path, ".claude", "projects"));
        line.ShouldContain("--source");
        line.ShouldContain("CLAUDE_CONFIG_DIR");
    }

    [Fact]
    public async Task Report_ClaudeConfigDirWithoutProjects_FailsNamingThatFolder()
    {
        var configDir = _home.Combine("elsewhere");
        Directory.CreateDirectory(configDir);

        var result = await Cli().With("CLAUDE_CONFIG_DIR", configDir).RunAsync("report", "daily", "--store", Store);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(Path.Combine(configDir, "projects"));
    }

    [Fact]
    public async Task Import_ClaudeConfigDirEnvironment_IsUsedWhenNoSourceIsGiven()
    {
        var result = await Cli().With("CLAUDE_CONFIG_DIR", RepositoryRoot.Samples).RunAsync("import", "--json", "--store", Store);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json().GetProperty("filesFound").GetInt64().ShouldBe(31);
    }

    [Theory]
    [InlineData("postgres://localhost/db")]
    [InlineData("clickhouse://localhost:8123/not-an-identifier")]
    [InlineData("clickhouse://localhost:8123/db?mode=sometimes")]
    public async Task Import_UnsupportedStore_FailsWithOneLine(string store)
    {
        var result = await Cli().RunAsync("import", "--source", RepositoryRoot.Samples, "--store", store);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').Length.ShouldBe(1, result.Error);
    }

    [Fact]
    public async Task Import_StoreFromEnvironment_IsUsedWhenNoStoreOptionIsGiven()
    {
        var result = await Cli().With("CONTEXT_CLEANER_STORE", Store).RunAsync("import", "--source", RepositoryRoot.Samples);

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(_home.Combine("store.duckdb")).ShouldBeTrue();
    }

    public void Dispose() => _home.Dispose();

    private string Store => "duckdb://" + _home.Combine("store.duckdb");

    private CliRun Cli() => new(_home.Path);
}
