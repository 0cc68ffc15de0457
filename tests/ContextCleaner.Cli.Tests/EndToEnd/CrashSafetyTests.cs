using System.Text.Json;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Cli.Tests.EndToEnd;

/// <summary>The real process, killed with SIGKILL in the middle of an import, then run again.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _work = new();
    private readonly Dictionary<string, string> _environment;

    public CrashSafetyTests()
    {
        CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = _work.Combine("corpus"), Sessions = 40, MessagesPerSession = 60, Seed = 5, Projects = 4 });
        CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = _work.Combine("earlier"), Sessions = 3, MessagesPerSession = 20, Seed = 6, Projects = 1 });
        _environment = new Dictionary<string, string>
        {
            ["HOME"] = _work.Path,
            ["CONTEXT_CLEANER_IMPORT_BATCH_BYTES"] = "262144",   // many small batches: the kill lands between two
        };
    }

    [Fact]
    public async Task FirstImport_KilledWithSigkillMidway_LeavesTheStoreEmptyAndRerunGivesTheTotalsOfOneCleanRun()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var clean = await CliProcess.RunAsync(Report("clean"), _environment, timeout.Token);
        clean.ExitCode.ShouldBe(0, clean.Error);

        // An empty store: the whole import is one transaction, killed after two of its batches were written.
        await KillImportAfterAsync("wrote batch 2", "crashed", timeout.Token);

        var unchanged = await ResumeAndCompareAsync(clean.Output, "crashed", timeout.Token);
        unchanged.ShouldBe(0, "a killed first import leaves no file marked as imported");
    }

    [Fact]
    public async Task LaterImport_KilledWithSigkillBetweenCommits_ResumesAndGivesExactlyTheTotalsOfOneCleanRun()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var clean = await CliProcess.RunAsync(Report("clean"), _environment, timeout.Token);
        clean.ExitCode.ShouldBe(0, clean.Error);

        // A store that already holds an earlier history: the import commits batch by batch and is killed after two commits.
        var earlier = await CliProcess.RunAsync(["import", "--source", _work.Combine("earlier"), "--store", Store("crashed")], _environment, timeout.Token);
        earlier.ExitCode.ShouldBe(0, earlier.Error);
        await KillImportAfterAsync("committed through batch 2", "crashed", timeout.Token);

        var unchanged = await ResumeAndCompareAsync(clean.Output, "crashed", timeout.Token);
        var earlierFiles = Directory.GetFiles(_work.Combine("earlier"), "*.jsonl", SearchOption.AllDirectories).Length;
        unchanged.ShouldBeGreaterThan(earlierFiles, "the batches committed before the kill are not read again");
    }

    public void Dispose() => _work.Dispose();

    private async Task KillImportAfterAsync(string logLine, string store, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var import = CliProcess.Start(["import", "--verbose", .. Sources(), "--store", Store(store)], _environment);
        import.ErrorLine += line =>
        {
            if (line.Contains(logLine, StringComparison.Ordinal))
            {
                reached.TrySetResult();
            }
        };
        await reached.Task.WaitAsync(cancellationToken);
        import.Process.Kill();      // SIGKILL on Linux: no cleanup, no rollback, an open transaction in flight
        await import.Process.WaitForExitAsync(cancellationToken);
        import.Process.ExitCode.ShouldNotBe(0);
    }

    // Returns how many files the resumed import found already imported.
    private async Task<int> ResumeAndCompareAsync(string cleanReport, string store, CancellationToken cancellationToken)
    {
        var resumed = await CliProcess.RunAsync(["import", "--json", .. Sources(), "--store", Store(store)], _environment, cancellationToken);
        resumed.ExitCode.ShouldBe(0, resumed.Error);
        resumed.Output.ShouldContain("\"eventsInserted\"");
        resumed.Output.ShouldNotContain("\"eventsInserted\": 0,", Case.Sensitive, "the kill came too late to test anything");

        var after = await CliProcess.RunAsync(Report(store), _environment, cancellationToken);
        after.ExitCode.ShouldBe(0, after.Error);
        after.Output.ShouldBe(cleanReport);
        using var summary = JsonDocument.Parse(resumed.Output);
        return summary.RootElement.GetProperty("filesUnchanged").GetInt32();
    }

    private string Store(string name) => "duckdb://" + _work.Combine(name + ".duckdb");

    private string[] Sources() => ["--source", _work.Combine("earlier"), "--source", _work.Combine("corpus")];

    private string[] Report(string store) => ["report", "daily", "--json", "-z", "UTC", .. Sources(), "--store", Store(store)];
}
