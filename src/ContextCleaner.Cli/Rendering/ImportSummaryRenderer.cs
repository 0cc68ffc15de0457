using System.Globalization;
using System.Text.Json;
using ContextCleaner.Core.Ingest;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>What an import did: every file and line counted, skipped ones included.</summary>
internal static class ImportSummaryRenderer
{
    public static void Render(IAnsiConsole console, ImportSummary summary, bool verbose)
    {
        var s = summary.Statistics;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Transcript import[/]").HideHeaders();
        table.AddColumn("what");
        table.AddColumn(new TableColumn("count").RightAligned());
        void Row(string what, long value, string? color = null) =>
            table.AddRow(what, color is not null && value > 0 ? $"[{color}]{Display.Tokens(value)}[/]" : Display.Tokens(value));

        Row("files found", s.FilesFound);
        Row("  unchanged (not read)", s.FilesUnchanged);
        Row("  read from last position", s.FilesAppended);
        Row("  read from the start", s.FilesReadWhole);
        Row("  unreadable", s.FilesUnreadable, "red");
        Row("  not a file (*.jsonl folders)", s.NotFiles, "yellow");
        Row("lines read", s.Lines);
        Row("  API requests", s.UsageLines);
        Row("  API errors (final)", s.ApiErrorLines);
        Row("  API retries", s.RetryLines);
        Row("  other events", s.OtherEventLines);
        Row("  duplicates (counted once)", s.Duplicates);
        Row("  blank", s.BlankLines);
        Row("  malformed (skipped)", s.MalformedLines, "yellow");
        Row("  invalid types (skipped)", s.InvalidLines, "yellow");
        Row("  incomplete last line (retried later)", s.IncompleteLines, "yellow");
        Row("  too long (skipped)", s.OversizedLines, "yellow");
        Row("events stored", s.EventsInserted);
        Row("events replaced by a fuller copy", s.EventsReplaced);
        table.Caption($"{Mb(s.BytesRead)} MB in {summary.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s"
            + $" ({Mb(s.BytesRead / Math.Max(summary.Elapsed.TotalSeconds, 1e-6))} MB/s) from {string.Join(", ", summary.Location.ProjectDirectories)}");
        console.Write(table);
        if (verbose)
        {
            foreach (var problem in summary.Problems)
            {
                console.MarkupLineInterpolated($"[grey]{problem.Path}{(problem.Offset is { } o ? $" @{o}" : "")}: {problem.Reason}[/]");
            }
        }
    }

    /// <summary>One line for standard error after an import that a report triggered.</summary>
    public static string OneLine(ImportSummary summary)
    {
        var s = summary.Statistics;
        var skipped = s.MalformedLines + s.InvalidLines + s.OversizedLines;
        return $"Imported {s.FilesFound - s.FilesUnchanged:N0} of {s.FilesFound:N0} files ({Mb(s.BytesRead)} MB) in "
            + $"{summary.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s: {s.EventsInserted:N0} new events, "
            + $"{s.Duplicates:N0} duplicates, {skipped:N0} lines skipped, {s.FilesUnreadable:N0} unreadable files.";
    }

    public static void WriteJson(Stream output, ImportSummary summary)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var s = summary.Statistics;
        json.WriteStartObject();
        json.WriteStartArray("sources");
        foreach (var directory in summary.Location.ProjectDirectories)
        {
            json.WriteStringValue(directory);
        }

        json.WriteEndArray();
        foreach (var (name, value) in new (string, long)[]
        {
            ("filesFound", s.FilesFound), ("filesUnchanged", s.FilesUnchanged), ("filesAppended", s.FilesAppended), ("filesReadWhole", s.FilesReadWhole),
            ("filesUnreadable", s.FilesUnreadable), ("notFiles", s.NotFiles), ("bytesRead", s.BytesRead), ("lines", s.Lines),
            ("usageLines", s.UsageLines), ("apiErrorLines", s.ApiErrorLines), ("retryLines", s.RetryLines), ("otherEventLines", s.OtherEventLines),
            ("duplicates", s.Duplicates), ("blankLines", s.BlankLines), ("malformedLines", s.MalformedLines), ("invalidLines", s.InvalidLines),
            ("incompleteLines", s.IncompleteLines), ("oversizedLines", s.OversizedLines), ("eventsInserted", s.EventsInserted), ("eventsReplaced", s.EventsReplaced),
        })
        {
            json.WriteNumber(name, value);
        }

        json.WriteNumber("elapsedSeconds", summary.Elapsed.TotalSeconds);
        json.WriteStartArray("problems");
        foreach (var problem in summary.Problems)
        {
            json.WriteStartObject();
            json.WriteString("path", problem.Path);
            if (problem.Offset is { } offset) { json.WriteNumber("offset", offset); }
            json.WriteString("reason", problem.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Mb(double bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
