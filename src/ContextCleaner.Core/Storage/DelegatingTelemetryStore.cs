using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// A store that hands every call to another one (<see cref="Inner"/>): the base of stores that choose their real store
/// late (ClickHouse picks native or collector mode when it opens) and of decorators that watch or change one call.
/// Override what differs; everything else passes through.
/// </summary>
public abstract class DelegatingTelemetryStore : ITelemetryStore
{
    /// <summary>The store every call goes to.</summary>
    protected abstract ITelemetryStore Inner { get; }

    /// <inheritdoc />
    public virtual string Description => Inner.Description;

    /// <inheritdoc />
    public virtual bool IsReadOnly => Inner.IsReadOnly;

    /// <inheritdoc />
    public virtual bool IsExclusive => Inner.IsExclusive;

    /// <inheritdoc />
    public virtual Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken) =>
        Inner.LoadCheckpointsAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken) => Inner.WriteAsync(batch, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Goes to the inner store's own bulk write: a decorator that watches writes overrides this one too.</remarks>
    public virtual Task BulkWriteAsync(IAsyncEnumerable<EventBatch> batches, IBulkWriteObserver written, CancellationToken cancellationToken) =>
        Inner.BulkWriteAsync(batches, written, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken) =>
        Inner.QueryUsageAsync(query, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        Inner.ReadUsageEntriesAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        Inner.QueryEventTalliesAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        Inner.QueryErrorsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        Inner.QueryToolsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => Inner.CheckHealthAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken) =>
        Inner.CountEventsAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken) => Inner.GetPriceVersionAsync(cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<PricingInput> ReadPricingInputsAsync(CancellationToken cancellationToken) =>
        Inner.ReadPricingInputsAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken) =>
        Inner.UpdateComputedCostsAsync(costs, priceVersion, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes what this store holds when it is disposed: by default, the inner store.</summary>
    protected virtual ValueTask CloseAsync() => Inner.DisposeAsync();
}
