namespace ContextCleaner.Core.Ingest;

/// <summary>Counters of one import (or one file of it); everything that was read, skipped or rejected is counted.</summary>
public sealed class ImportStatistics
{
    /// <summary>Transcript files found.</summary>
    public long FilesFound { get; set; }

    /// <summary>Files unchanged since the last import (not opened).</summary>
    public long FilesUnchanged { get; set; }

    /// <summary>Files read only from where the last import stopped.</summary>
    public long FilesAppended { get; set; }

    /// <summary>Files read from the start (new, truncated or rewritten).</summary>
    public long FilesReadWhole { get; set; }

    /// <summary>Files that could not be read.</summary>
    public long FilesUnreadable { get; set; }

    /// <summary>Entries named <c>*.jsonl</c> that are not regular files (directories).</summary>
    public long NotFiles { get; set; }

    /// <summary>Bytes read.</summary>
    public long BytesRead { get; set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; set; }

    /// <summary>Empty lines.</summary>
    public long BlankLines { get; set; }

    /// <summary>Lines that are not one JSON object (truncated, garbage, invalid UTF-8).</summary>
    public long MalformedLines { get; set; }

    /// <summary>JSON lines with wrong types or without a timestamp.</summary>
    public long InvalidLines { get; set; }

    /// <summary>Last lines without a line end that are not complete JSON yet (read again when the file grows).</summary>
    public long IncompleteLines { get; set; }

    /// <summary>Lines longer than the reader accepts.</summary>
    public long OversizedLines { get; set; }

    /// <summary>Lines with API usage.</summary>
    public long UsageLines { get; set; }

    /// <summary>Final API failures (<c>&lt;synthetic&gt;</c> lines).</summary>
    public long ApiErrorLines { get; set; }

    /// <summary>Retried failures (<c>system</c>/<c>api_error</c> lines).</summary>
    public long RetryLines { get; set; }

    /// <summary>Other event lines (model fallback, compaction).</summary>
    public long OtherEventLines { get; set; }

    /// <summary>Event lines that repeat an event already seen (content blocks of one response, replays).</summary>
    public long Duplicates { get; set; }

    /// <summary>Events written as new.</summary>
    public long EventsInserted { get; set; }

    /// <summary>Stored events replaced by a preferred copy.</summary>
    public long EventsReplaced { get; set; }

    /// <summary>Adds another file's counters.</summary>
    public void Add(ImportStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FilesFound += other.FilesFound;
        FilesUnchanged += other.FilesUnchanged;
        FilesAppended += other.FilesAppended;
        FilesReadWhole += other.FilesReadWhole;
        FilesUnreadable += other.FilesUnreadable;
        NotFiles += other.NotFiles;
        BytesRead += other.BytesRead;
        Lines += other.Lines;
        BlankLines += other.BlankLines;
        MalformedLines += other.MalformedLines;
        InvalidLines += other.InvalidLines;
        IncompleteLines += other.IncompleteLines;
        OversizedLines += other.OversizedLines;
        UsageLines += other.UsageLines;
        ApiErrorLines += other.ApiErrorLines;
        RetryLines += other.RetryLines;
        OtherEventLines += other.OtherEventLines;
        Duplicates += other.Duplicates;
        EventsInserted += other.EventsInserted;
        EventsReplaced += other.EventsReplaced;
    }
}
