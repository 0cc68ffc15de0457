using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Reads one transcript file (or its new tail) into events. Only lines that can carry an event are parsed in full;
/// the others (prompts, tool bodies: most of the bytes) get a cheap shape check so garbage is still counted.
/// One worker per thread; not thread-safe.
/// </summary>
internal sealed class FileImportWorker(PriceTable prices, int maxLineBytes, int maxProblemsPerFile) : ILineVisitor
{
    private const int SubtypeWindow = 8192;
    private readonly TranscriptLine _line = new();
    private byte[] _buffer = new byte[LineReader.InitialBufferSize];
    private TranscriptFile _file = null!;
    private List<TelemetryEvent> _events = null!;
    private ImportStatistics _stats = null!;
    private List<ImportProblem> _problems = null!;

    public FileImportResult Import(TranscriptFile file, FileCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        _file = file;
        _events = [];
        _stats = new ImportStatistics();     // files are counted while enumerating
        _problems = [];
        try
        {
            using var handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            var start = ResumeOffset(handle, length, checkpoint);
            if (start > 0)
            {
                _stats.FilesAppended = 1;
            }
            else
            {
                _stats.FilesReadWhole = 1;
            }

            var consumed = LineReader.ReadLines(handle, start, length, maxLineBytes, this, ref _buffer, cancellationToken);
            if (_buffer.Length > LineReader.InitialBufferSize)
            {
                _buffer = new byte[LineReader.InitialBufferSize];     // a huge line is rare: do not keep its buffer
            }

            _stats.BytesRead = length - start;
            var window = FileFingerprint.WindowFor(consumed);
            var next = new FileCheckpoint(file.Path, length, file.LastWriteUtc, consumed, FileFingerprint.Compute(handle, consumed, window), window);
            return new FileImportResult(file, _events, _stats, next, _problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stats.FilesUnreadable = 1;
            _problems.Add(new ImportProblem(file.Path, null, e.Message));
            return new FileImportResult(file, [], _stats, null, _problems);
        }
    }

    public void Line(ReadOnlySpan<byte> line, long offset, bool terminated)
    {
        _stats.Lines++;
        var text = line.Trim(" \t"u8);
        if (text.IsEmpty)
        {
            _stats.BlankLines++;
            return;
        }

        // Needles whose first and last bytes are rare together keep the vectorized search fast (a needle that starts
        // and ends with a quote is slow in JSON, where quotes are everywhere); no colon in them, so `"usage": {` as
        // other JSON writers space it still matches. False positives only cost a full parse. A system line's subtype
        // sits in its first few hundred bytes (after uuid, cwd, session, version, branch and type), so only the head of
        // a line is searched for it: the big tool-result lines are not scanned a second time. The usage search runs from
        // the end: an assistant line's usage follows its bulky content, a few hundred bytes before the line ends.
        var mayHoldEvent = text.LastIndexOf("usage\""u8) >= 0 || text[..Math.Min(text.Length, SubtypeWindow)].IndexOf("subtype\""u8) >= 0;
        if (!mayHoldEvent && terminated)
        {
            if (text[0] != (byte)'{' || text[^1] != (byte)'}')
            {
                Reject(offset, "not a JSON object");
                _stats.MalformedLines++;
            }

            return;
        }

        var parsed = TranscriptLineParser.Parse(text, _line);
        if (parsed != ParseResult.Ok)
        {
            if (!terminated)
            {
                _stats.IncompleteLines++;
                Reject(offset, "incomplete last line (no line end yet): " + _line.Problem);
            }
            else if (parsed == ParseResult.Malformed)
            {
                _stats.MalformedLines++;
                Reject(offset, _line.Problem ?? "malformed");
            }
            else
            {
                _stats.InvalidLines++;
                Reject(offset, _line.Problem ?? "invalid");
            }

            return;
        }

        Count(TranscriptEventMapper.Map(_line, _file, offset, prices, out var telemetryEvent), offset);
        if (telemetryEvent is not null)
        {
            _events.Add(telemetryEvent);
        }
    }

    public void Oversized(long offset, long length)
    {
        _stats.Lines++;
        _stats.OversizedLines++;
        Reject(offset, $"line of {length} bytes is longer than the {maxLineBytes}-byte limit");
    }

    private void Count(LineOutcome outcome, long offset)
    {
        switch (outcome)
        {
            case LineOutcome.Usage: _stats.UsageLines++; break;
            case LineOutcome.ApiError: _stats.ApiErrorLines++; break;
            case LineOutcome.Retry: _stats.RetryLines++; break;
            case LineOutcome.OtherEvent: _stats.OtherEventLines++; break;
            case LineOutcome.Invalid:
                _stats.InvalidLines++;
                Reject(offset, _line.Problem ?? "invalid");
                break;
            default: break;
        }
    }

    private static long ResumeOffset(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length, FileCheckpoint? checkpoint)
    {
        if (checkpoint is null || checkpoint.Offset == 0 || length < checkpoint.Offset)
        {
            return 0;
        }

        var fingerprint = FileFingerprint.Compute(handle, checkpoint.Offset, checkpoint.FingerprintLength);
        return fingerprint == checkpoint.Fingerprint ? checkpoint.Offset : 0;
    }

    private void Reject(long offset, string reason)
    {
        if (_problems.Count < maxProblemsPerFile)
        {
            _problems.Add(new ImportProblem(_file.Path, offset, reason));
        }
    }
}
