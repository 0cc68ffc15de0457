using ContextCleaner.Core.Ingest;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>
/// Logs every import batch written and every commit on standard error (<c>--verbose</c>). A first import into an empty
/// store commits once at its end, so its batches are logged as written and the commit once.
/// </summary>
internal sealed class CommitLog(IAnsiConsole error) : IProgress<ImportProgress>
{
    private int _written;
    private int _committed;

    public void Report(ImportProgress value)
    {
        // Reports come from the reading thread and the writing loop; log each count once.
        if (Advance(ref _written, value.BatchesWritten))
        {
            error.MarkupLineInterpolated($"[grey]import: wrote batch {value.BatchesWritten}[/]");
        }

        if (Advance(ref _committed, value.BatchesCommitted))
        {
            error.MarkupLineInterpolated($"[grey]import: committed through batch {value.BatchesCommitted}[/]");
        }
    }

    private static bool Advance(ref int logged, int now)
    {
        var before = Volatile.Read(ref logged);
        return now > before && Interlocked.CompareExchange(ref logged, now, before) == before;
    }
}
