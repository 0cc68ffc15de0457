using System.Threading.Channels;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Server.Ingestion;

/// <summary>
/// The one writer of the server. Concurrent requests queue their batches; the writer commits everything waiting in one
/// transaction (group commit: one commit per burst instead of one per request) and only then completes the requests,
/// so a 200 always means durably stored. It opens the store when work arrives and closes it after a short idle time:
/// DuckDB lets one process hold the file, and a report or statusline in another terminal must get its turn. A store
/// that does not keep others out (<see cref="ITelemetryStore.IsExclusive"/>: ClickHouse) stays open between bursts.
/// </summary>
internal sealed class StoreWriter : IAsyncDisposable
{
    private const int MaxRecordsPerCommit = 100_000;
    private readonly Func<CancellationToken, Task<ITelemetryStore>> _openStore;
    private readonly int _maxPendingRecords;
    private readonly TimeSpan _commitTimeout;
    private readonly TimeSpan _releaseAfter;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _loop;
    private int _pendingRecords;
    private ITelemetryStore? _store;

    /// <summary>Starts the writer.</summary>
    /// <param name="openStore">Opens and initializes the store (waiting a while for another process's lock).</param>
    /// <param name="maxPendingRecords">Records waiting above which submissions are refused.</param>
    /// <param name="commitTimeout">How long a submission waits for its commit.</param>
    /// <param name="releaseAfter">Idle time after which the store is closed.</param>
    /// <param name="time">Clock.</param>
    public StoreWriter(Func<CancellationToken, Task<ITelemetryStore>> openStore, int maxPendingRecords, TimeSpan commitTimeout, TimeSpan releaseAfter,
        TimeProvider time)
    {
        _openStore = openStore;
        _maxPendingRecords = maxPendingRecords;
        _commitTimeout = commitTimeout;
        _releaseAfter = releaseAfter;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Counters since start.</summary>
    public StoreWriterStatistics Statistics { get; } = new();

    /// <summary>Queues a batch and waits until it is committed, refused or timed out.</summary>
    public async Task<WriteOutcome> SubmitAsync(IReadOnlyList<TelemetryEvent> events, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(events, metrics);
        if (pending.Records == 0)
        {
            return WriteOutcome.Committed;
        }

        // One batch larger than the limit is still taken when nothing waits: refusing it would refuse it forever.
        var waiting = Interlocked.Add(ref _pendingRecords, pending.Records);
        if (waiting > _maxPendingRecords && waiting != pending.Records)
        {
            Interlocked.Add(ref _pendingRecords, -pending.Records);
            Statistics.Refused();
            return new WriteOutcome(WriteStatus.Overloaded, $"{waiting - pending.Records} records are waiting for the store");
        }

        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _pendingRecords, -pending.Records);
            return new WriteOutcome(WriteStatus.ShuttingDown, "the server is shutting down");
        }

        try
        {
            return await pending.Done.Task.WaitAsync(_commitTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Statistics.TimedOut();
            return new WriteOutcome(WriteStatus.TimedOut, $"not committed within {_commitTimeout.TotalSeconds:0.#} s (store busy)");
        }
    }

    /// <summary>Takes nothing new, commits everything queued, closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var group = new List<PendingWrite>();
            var records = 0;
            while (records < MaxRecordsPerCommit && reader.TryRead(out var next))
            {
                group.Add(next);
                records += next.Records;
            }

            await CommitAsync(group).ConfigureAwait(false);
            Interlocked.Add(ref _pendingRecords, -records);
            if (!reader.TryPeek(out _) && _store is not { IsExclusive: false })
            {
                await ReleaseWhenIdleAsync(reader).ConfigureAwait(false);
            }
        }

        await CloseStoreAsync().ConfigureAwait(false);
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        var started = _time.GetTimestamp();
        WriteOutcome outcome;
        try
        {
            _store ??= await _openStore(_abort.Token).ConfigureAwait(false);
            var batch = new EventBatch([.. group.SelectMany(p => p.Events)], []) { Metrics = [.. group.SelectMany(p => p.Metrics)] };
            var result = await _store.WriteAsync(batch, _abort.Token).ConfigureAwait(false);
            Statistics.Committed(group.Count, result);
            outcome = WriteOutcome.Committed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next burst starts from a fresh connection: a failed transaction must not poison later ones.
            await CloseStoreAsync().ConfigureAwait(false);
            Statistics.Failed();
            outcome = new WriteOutcome(WriteStatus.Failed, e.Message.Split('\n', 2)[0]);
        }

        Statistics.Spent(_time.GetElapsedTime(started));
        foreach (var pending in group)
        {
            pending.Done.TrySetResult(outcome);
        }
    }

    private async Task ReleaseWhenIdleAsync(ChannelReader<PendingWrite> reader)
    {
        using var idle = new CancellationTokenSource(_releaseAfter, _time);
        try
        {
            if (await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested)
        {
        }

        await CloseStoreAsync().ConfigureAwait(false);
    }

    private async Task CloseStoreAsync()
    {
        if (_store is { } store)
        {
            _store = null;
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
