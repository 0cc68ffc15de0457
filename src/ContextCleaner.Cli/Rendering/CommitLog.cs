using ContextCleaner.Core.Ingest;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Logs every committed import batch on standard error (<c>--verbose</c>).</summary>
internal sealed class CommitLog(IAnsiConsole error) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value)
    {
        if (value.BatchesWritten > 0)
        {
            error.MarkupLineInterpolated($"[grey]import: committed batch {value.BatchesWritten}[/]");
        }
    }
}
