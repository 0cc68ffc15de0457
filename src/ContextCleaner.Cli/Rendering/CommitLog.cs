using ContextCleaner.Core.Ingest;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Logs every committed import batch on standard error (<c>--verbose</c>).</summary>
internal sealed class CommitLog(IAnsiConsole error) : IProgress<ImportProgress>
{
    private int _logged;

    public void Report(ImportProgress value)
    {
        // Reports come from the reading thread and the writing loop; log each commit count once.
        var logged = _logged;
        if (value.BatchesWritten > logged && Interlocked.CompareExchange(ref _logged, value.BatchesWritten, logged) == logged)
        {
            error.MarkupLineInterpolated($"[grey]import: committed batch {value.BatchesWritten}[/]");
        }
    }
}
