using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>Passes everything to a real store and counts the batches it committed, so a test knows when one is durable.</summary>
internal sealed class CommitCountingStore(ITelemetryStore inner) : ITelemetryStore
{
    private int _committed;

    public int CommittedBatches => Volatile.Read(ref _committed);

    public string Description => inner.Description;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken) =>
        inner.LoadCheckpointsAsync(cancellationToken);

    public async Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var result = await inner.WriteAsync(batch, cancellationToken);
        Interlocked.Increment(ref _committed);
        return result;
    }

    public Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken) =>
        inner.QueryUsageAsync(query, cancellationToken);

    public IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        inner.ReadUsageEntriesAsync(filter, cancellationToken);

    public Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        inner.QueryEventTalliesAsync(filter, cancellationToken);

    public Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        inner.QueryErrorsAsync(filter, cancellationToken);

    public Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        inner.QueryToolsAsync(filter, cancellationToken);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    public Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken) =>
        inner.CountEventsAsync(cancellationToken);

    public Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken) => inner.GetPriceVersionAsync(cancellationToken);

    public IAsyncEnumerable<PricingInput> ReadPricingInputsAsync(CancellationToken cancellationToken) =>
        inner.ReadPricingInputsAsync(cancellationToken);

    public Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken) =>
        inner.UpdateComputedCostsAsync(costs, priceVersion, cancellationToken);

    // The wrapped store belongs to the test.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
