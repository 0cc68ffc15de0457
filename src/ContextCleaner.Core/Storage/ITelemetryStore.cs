using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// A place where canonical events live: the embedded DuckDB file by default, ClickHouse for teams. Writes are
/// idempotent by event id; import checkpoints are written in the same transaction as the events they cover, so a
/// crash never leaves one without the other.
/// </summary>
public interface ITelemetryStore : IAsyncDisposable
{
    /// <summary>Human-readable location, for messages.</summary>
    string Description { get; }

    /// <summary>
    /// True for a store that only reads (the OpenTelemetry Collector's ClickHouse tables): reports skip the import, and
    /// import and the receiver refuse it. Known after <see cref="InitializeAsync"/>.
    /// </summary>
    bool IsReadOnly => false;

    /// <summary>
    /// True when an open store keeps other processes out (DuckDB's file lock): a long-running writer such as the OTLP
    /// receiver closes it whenever it is idle. A server store (ClickHouse) is shared while open and stays open.
    /// </summary>
    bool IsExclusive => true;

    /// <summary>Opens the store and applies pending schema migrations.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Where every imported file stopped, keyed by path.</summary>
    Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch atomically. An event whose id is already stored is kept once: the stored copy stays unless the
    /// new one is preferred (<see cref="DuplicatePreference"/>).
    /// </summary>
    Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a first import into an empty store: every batch in order, as one unit where the store has one (DuckDB: one
    /// transaction, in which full row groups go to the file once instead of through the write-ahead log and a later
    /// checkpoint). <paramref name="written"/> hears of each batch once it is written and of the commit; a run stopped
    /// midway leaves nothing behind, so the next import starts over. A store without such a unit commits each batch as
    /// <see cref="WriteAsync"/> does.
    /// </summary>
    async Task BulkWriteAsync(IAsyncEnumerable<EventBatch> batches, IBulkWriteObserver written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(written);
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            written.BatchWritten(await WriteAsync(batch, cancellationToken).ConfigureAwait(false));
            written.Committed();
        }
    }

    /// <summary>Token and cost sums of API requests, grouped as the query asks.</summary>
    Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken);

    /// <summary>Every API request matching the filter, oldest first (for billing blocks).</summary>
    IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, CancellationToken cancellationToken);

    /// <summary>Events per session and kind matching the filter (session metrics).</summary>
    Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken);

    /// <summary>API failures matching the filter, grouped by kind, status code, error type and model (error analysis).</summary>
    Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken);

    /// <summary>Tool results and decisions matching the filter, per tool (tool usage).</summary>
    Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken);

    /// <summary>What the store holds and how fresh it is; store-specific hints included.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Number of stored events per kind.</summary>
    Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken);

    /// <summary>Version of the price table the stored computed costs were made with (null for a new store).</summary>
    Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken);

    /// <summary>Every stored API request, as pricing needs it.</summary>
    IAsyncEnumerable<PricingInput> ReadPricingInputsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces computed costs and records the price table version they were made with, atomically.</summary>
    Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken);
}
