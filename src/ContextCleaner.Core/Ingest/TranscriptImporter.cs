using System.Collections.Concurrent;
using System.Threading.Channels;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Incremental transcript import: unchanged files are not opened, grown files are read from their checkpoint,
/// truncated or rewritten files from the start. Files are parsed in parallel, then merged in path order so that the
/// first copy of a replayed request wins exactly as ccusage decides it. Each batch's events and checkpoints are
/// written while the next batch is parsed, in one transaction per batch: a killed import resumes where its last batch
/// committed, and re-reading never counts an event twice because event ids are deterministic. A first import into an
/// empty store is written as one unit instead (<see cref="ITelemetryStore.BulkWriteAsync"/>): killed, it starts over.
/// </summary>
public sealed class TranscriptImporter
{
    private readonly ITelemetryStore _store;
    private readonly PriceTable _prices;
    private readonly TimeProvider _time;
    private readonly ImportOptions _options;
    private readonly ConcurrentBag<FileImportWorker> _workers = [];

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
    public Task<ImportSummary> ImportAsync(ClaudeDataLocation location, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(location, progress, opening: null, cancellationToken);

    /// <summary>
    /// Imports into a store that <paramref name="opening"/> is still creating (a store file that did not exist: nothing
    /// is imported yet), so that reading starts at once and only writing waits for the store. Should the store turn out
    /// to hold events after all (another process created it meanwhile), every batch goes through the duplicate check.
    /// </summary>
    public Task<ImportSummary> ImportIntoNewStoreAsync(ClaudeDataLocation location, Task opening, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return ImportAsync(location, progress, opening, cancellationToken);
    }

    private async Task<ImportSummary> ImportAsync(ClaudeDataLocation location, IProgress<ImportProgress>? progress, Task? opening,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var started = _time.GetTimestamp();
        var statistics = new ImportStatistics();
        var problems = new List<ImportProblem>();
        var files = TranscriptFileEnumerator.Enumerate(location.ProjectDirectories, statistics, problems);
        var checkpoints = opening is null
            ? await _store.LoadCheckpointsAsync(cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, FileCheckpoint>();
        var work = ImportPlan.Create(files, checkpoints, statistics);
        if (work.Files.Count == 0)
        {
            if (opening is not null)
            {
                await opening.ConfigureAwait(false);
            }

            return new ImportSummary(location, statistics, problems, _time.GetElapsedTime(started));
        }

        var storeWasEmpty = opening is not null || await IsEmptyAsync(cancellationToken).ConfigureAwait(false);

        var tracker = new ImportProgressTracker(progress, work.Files.Count, work.TotalBytes);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<EventBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // The reader gets a thread of its own: Parallel.For and the store's (synchronous) writes would otherwise compete for
        // the two pool threads of a 2-core machine and wait for the pool to grow.
        var reader = Task.Factory.StartNew(
            () => ReadAll(work, new ImportMerger(storeWasEmpty), statistics, problems, tracker, batches.Writer, failure.Token),
            failure.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var written = new ImportWriteCounter(tracker);
        try
        {
            if (opening is not null)
            {
                await opening.ConfigureAwait(false);
                storeWasEmpty = await IsEmptyAsync(failure.Token).ConfigureAwait(false);
            }

            if (storeWasEmpty)
            {
                // A first import: one unit, so a stop midway leaves the store empty and the next run starts over.
                await _store.BulkWriteAsync(batches.Reader.ReadAllAsync(failure.Token), written, failure.Token).ConfigureAwait(false);
            }
            else
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(failure.Token).ConfigureAwait(false))
                {
                    // Events read as new into a store that was not empty after all: they get the duplicate check too.
                    var checkedBatch = batch.NewEvents.Count == 0 ? batch : new EventBatch([.. batch.Events, .. batch.NewEvents], batch.Checkpoints);
                    written.BatchWritten(await _store.WriteAsync(checkedBatch, failure.Token).ConfigureAwait(false));
                    written.Committed();
                }
            }
        }
        catch
        {
            await failure.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Surface the reader's own failure (or wait for it to stop after ours).
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reader.ConfigureAwait(false);
        statistics.Add(written.Written);
        return new ImportSummary(location, statistics, problems, _time.GetElapsedTime(started));
    }

    private async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        (await _store.CountEventsAsync(cancellationToken).ConfigureAwait(false)).Values.Sum() == 0;

    private void ReadAll(ImportPlan work, ImportMerger merger, ImportStatistics statistics, List<ImportProblem> problems,
        ImportProgressTracker tracker, ChannelWriter<EventBatch> output, CancellationToken cancellationToken)
    {
        tracker.Start();
        try
        {
            foreach (var batch in work.Batches(_options.BatchBytes))
            {
                var results = ReadBatch(batch, tracker.FileRead, cancellationToken);
                var merged = merger.Merge(results, statistics, problems);
                while (!output.TryWrite(merged))
                {
                    // Bounded to one batch in flight: wait for the writer to take the previous one.
                    output.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                }
            }

            output.Complete();
            if (work.TotalBytes > _options.BatchBytes)
            {
                // Every event read so far is written or about to be: what the parse allocated is garbage now, just before the
                // store commits (DuckDB's busiest moment for memory). Collecting it and handing the pages back lowers the peak
                // of a 1 GB first import by ~10 MB for a ~5 ms pause of the reading thread, which has nothing left to do.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    private FileImportResult[] ReadBatch(List<PlannedFile> batch, Action<long> fileDone, CancellationToken cancellationToken)
    {
        var results = new FileImportResult[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, parallel,
            // Workers (and their 1 MiB read buffers) are reused across batches: fresh ones per partition were most of
            // what an import allocated.
            () => _workers.TryTake(out var worker) ? worker : new FileImportWorker(_prices, _options.MaxLineBytes, _options.MaxProblemsPerFile),
            (i, _, worker) =>
            {
                results[i] = worker.Import(batch[i].File, batch[i].Checkpoint, cancellationToken);
                fileDone(results[i].Statistics.BytesRead);
                return worker;
            },
            _workers.Add);
        return results;
    }
}
