using ContextCleaner.Core.Ingest;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>A progress bar (bytes read) on standard error while an import runs.</summary>
internal static class ImportProgressDisplay
{
    public static async Task<ImportSummary> RunAsync(IAnsiConsole console, Func<IProgress<ImportProgress>, Task<ImportSummary>> import)
    {
        ImportSummary? summary = null;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing transcripts", autoStart: true, maxValue: 1);
                summary = await import(new Reporter(task));
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    private sealed class Reporter(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {

            task.MaxValue = Math.Max(1, value.BytesTotal);
            task.Value = value.BytesDone;
        }
    }
}
