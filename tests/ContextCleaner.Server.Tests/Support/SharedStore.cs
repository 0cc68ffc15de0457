using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Server.Tests.Support;

/// <summary>
/// A store that says whether it keeps other processes out (<see cref="ITelemetryStore.IsExclusive"/>) as the test
/// wants, and counts how often the server opened and closed it; everything else goes to a real store.
/// </summary>
internal sealed class SharedStore(ITelemetryStore inner, bool exclusive, Action closed) : ITelemetryStore
{
    public string Description => inner.Description;

    public bool IsExclusive => exclusive;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken) =>
        inner.LoadCheckpointsAsync(cancellationToken);

    public Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken) => inner.WriteAsync(batch, cancellationToken);

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

    public Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken) => inner.CountEventsAsync(cancellationToken);

    public Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken) => inner.GetPriceVersionAsync(cancellationToken);

    public IAsyncEnumerable<PricingInput> ReadPricingInputsAsync(CancellationToken cancellationToken) => inner.ReadPricingInputsAsync(cancellationToken);

    public Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken) =>
        inner.UpdateComputedCostsAsync(costs, priceVersion, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        closed();
    }
}
