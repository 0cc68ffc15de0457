using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Incremental transcript import: unchanged files are not opened, grown files are read from their checkpoint,
/// truncated or rewritten files from the start. Files are parsed in parallel, then merged in path order so that the
/// first copy of a replayed request wins exactly as ccusage decides it. Events and checkpoints of a batch are
/// written in one transaction: a killed import resumes where its last batch committed, and re-reading never counts
/// an event twice because event ids are deterministic.
/// </summary>
public sealed class TranscriptImporter
{
    private readonly ITelemetryStore _store;
    private readonly PriceTable _prices;
    private readonly TimeProvider _time;
    private readonly ImportOptions _options;

    /// <summary>Creates an importer writing to <paramref name="store"/>.</summary>
    public TranscriptImporter(ITelemetryStore store, PriceTable prices, TimeProvider time, ImportOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new ImportOptions();
        _options.Validate();
    }

    /// <summary>Imports every transcript under <paramref name="location"/>.</summary>
    public async Task<ImportSummary> ImportAsync(ClaudeDataLocation location, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var started = _time.GetTimestamp();
        var statistics = new ImportStatistics();
        var problems = new List<ImportProblem>();
        var files = TranscriptFileEnumerator.Enumerate(location.ProjectDirectories, statistics, problems);
        var checkpoints = await _store.LoadCheckpointsAsync(cancellationToken).ConfigureAwait(false);

        var work = new List<(TranscriptFile File, FileCheckpoint? Checkpoint)>();
        foreach (var file in files)
        {
            statistics.FilesFound++;
            var checkpoint = checkpoints.GetValueOrDefault(file.Path);
            if (checkpoint is not null && checkpoint.Size == file.Length && checkpoint.LastWriteUtc == file.LastWriteUtc)
            {
                statistics.FilesUnchanged++;
                continue;
            }

            work.Add((file, checkpoint));
        }

        var totalBytes = work.Sum(w => Math.Max(0, w.File.Length - (w.Checkpoint?.Offset ?? 0)));
        var merger = new ImportMerger();
        long filesDone = 0, bytesDone = 0;
        progress?.Report(new ImportProgress(0, work.Count, 0, totalBytes));
        foreach (var batch in Batches(work))
        {
            var results = ReadBatch(batch, bytes =>
            {
                var read = Interlocked.Add(ref bytesDone, bytes);
                progress?.Report(new ImportProgress(Interlocked.Increment(ref filesDone), work.Count, read, totalBytes));
            }, cancellationToken);

            var pending = merger.Merge(results, statistics, problems);
            var written = await _store.WriteAsync(pending, [.. results.Select(r => r.Checkpoint).OfType<FileCheckpoint>()],
                cancellationToken).ConfigureAwait(false);
            statistics.EventsInserted += written.Inserted;
            statistics.EventsReplaced += written.Replaced;
            statistics.Duplicates += written.AlreadyStored;
        }

        return new ImportSummary(location, statistics, problems, _time.GetElapsedTime(started));
    }

    private FileImportResult[] ReadBatch(List<(TranscriptFile File, FileCheckpoint? Checkpoint)> batch, Action<long> fileDone,
        CancellationToken cancellationToken)
    {
        var results = new FileImportResult[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, parallel,
            () => new FileImportWorker(_prices, _options.MaxLineBytes, _options.MaxProblemsPerFile),
            (i, _, worker) =>
            {
                results[i] = worker.Import(batch[i].File, batch[i].Checkpoint, cancellationToken);
                fileDone(results[i].Statistics.BytesRead);
                return worker;
            },
            _ => { });
        return results;
    }

    private IEnumerable<List<(TranscriptFile File, FileCheckpoint? Checkpoint)>> Batches(List<(TranscriptFile File, FileCheckpoint? Checkpoint)> work)
    {
        var batch = new List<(TranscriptFile, FileCheckpoint?)>();
        long bytes = 0;
        foreach (var item in work)
        {
            batch.Add(item);
            bytes += item.File.Length - (item.Checkpoint?.Offset ?? 0);
            if (bytes >= _options.BatchBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
