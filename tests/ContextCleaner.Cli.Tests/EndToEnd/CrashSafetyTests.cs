using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Cli.Tests.EndToEnd;

/// <summary>The real process, killed with SIGKILL in the middle of an import, then run again.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _work = new();

    [Fact]
    public async Task Import_KilledWithSigkillMidway_RerunGivesExactlyTheTotalsOfOneCleanRun()
    {
        var corpus = _work.Combine("corpus");
        CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = corpus, Sessions = 40, MessagesPerSession = 60, Seed = 5, Projects = 4 });
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _work.Path,
            ["CONTEXT_CLEANER_IMPORT_BATCH_BYTES"] = "262144",   // many small transactions: the kill lands between two
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);

        var clean = await CliProcess.RunAsync(Report("clean"), environment, timeout.Token);
        clean.ExitCode.ShouldBe(0, clean.Error);

        var secondCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var import = CliProcess.Start(["import", "--verbose", "--source", corpus, "--store", Store("crashed")], environment))
        {
            import.ErrorLine += line =>
            {
                if (line.Contains("committed batch 2", StringComparison.Ordinal))
                {
                    secondCommit.TrySetResult();
                }
            };
            await secondCommit.Task.WaitAsync(timeout.Token);
            import.Process.Kill();      // SIGKILL on Linux: no cleanup, no rollback, an open transaction in flight
            await import.Process.WaitForExitAsync(timeout.Token);
            import.Process.ExitCode.ShouldNotBe(0);
        }

        var resumed = await CliProcess.RunAsync(["import", "--json", "--source", corpus, "--store", Store("crashed")], environment, timeout.Token);
        resumed.ExitCode.ShouldBe(0, resumed.Error);
        resumed.Output.ShouldContain("\"eventsInserted\"");
        resumed.Output.ShouldNotContain("\"eventsInserted\": 0,", Case.Sensitive, "the kill came too late to test anything");

        var after = await CliProcess.RunAsync(Report("crashed"), environment, timeout.Token);
        after.ExitCode.ShouldBe(0, after.Error);
        after.Output.ShouldBe(clean.Output);
    }

    public void Dispose() => _work.Dispose();

    private string Store(string name) => "duckdb://" + _work.Combine(name + ".duckdb");

    private string[] Report(string store) =>
        ["report", "daily", "--json", "-z", "UTC", "--source", _work.Combine("corpus"), "--store", Store(store)];
}
