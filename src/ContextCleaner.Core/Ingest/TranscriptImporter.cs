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
    public async Task<ImportSummary> ImportAsync(ClaudeDataLocation location, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var started = _time.GetTimestamp();
        var statistics = new ImportStatistics();
        var problems = new List<ImportProblem>();
        var files = TranscriptFileEnumerator.Enumerate(location.ProjectDirectories, statistics, problems);
        var checkpoints = await _store.LoadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var work = ImportPlan.Create(files, checkpoints, statistics);
        if (work.Files.Count == 0)
        {
            return new ImportSummary(location, statistics, problems, _time.GetElapsedTime(started));
        }

        var storeWasEmpty = (await _store.CountEventsAsync(cancellationToken).ConfigureAwait(false)).Values.Sum() == 0;

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
            if (storeWasEmpty)
            {
                // A first import: one unit, so a stop midway leaves the store empty and the next run starts over.
                await _store.BulkWriteAsync(batches.Reader.ReadAllAsync(failure.Token), written, failure.Token).ConfigureAwait(false);
            }
            else
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(failure.Token).ConfigureAwait(false))
                {
                    written.BatchWritten(await _store.WriteAsync(batch, failure.Token).ConfigureAwait(false));
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
