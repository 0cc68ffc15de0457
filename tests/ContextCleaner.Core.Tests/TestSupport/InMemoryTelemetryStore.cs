using System.Runtime.CompilerServices;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Tests.TestSupport;

/// <summary>
/// The parts of a store that pricing and reports need, in memory: stored requests, their computed costs, the price
/// version, canned usage sums and event tallies. Everything else is out of scope for Core's unit tests and throws.
/// </summary>
internal sealed class InMemoryTelemetryStore : ITelemetryStore
{
    public string Description => "in-memory test store";

    public string? PriceVersion { get; set; }

    public List<PricingInput> Requests { get; } = [];

    public Dictionary<Guid, decimal?> ComputedCosts { get; } = [];

    public int UpdateCalls { get; private set; }

    /// <summary>What <see cref="QueryUsageAsync"/> answers, whatever the query.</summary>
    public List<UsageAggregate> Aggregates { get; } = [];

    /// <summary>The last query received.</summary>
    public UsageQuery? LastQuery { get; private set; }

    /// <summary>What <see cref="QueryEventTalliesAsync"/> answers, whatever the filter.</summary>
    public List<EventTally> Tallies { get; } = [];

    /// <summary>The last filter <see cref="QueryEventTalliesAsync"/> received.</summary>
    public UsageQuery? LastTallyFilter { get; private set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken) => Task.FromResult(PriceVersion);

    public async IAsyncEnumerable<PricingInput> ReadPricingInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var request in Requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return request;
        }
    }

    public Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken)
    {
        UpdateCalls++;
        foreach (var cost in costs)
        {
            ComputedCosts[cost.Id] = cost.ComputedCostUsd;
        }

        PriceVersion = priceVersion;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        LastQuery = query;
        return Task.FromResult<IReadOnlyList<UsageAggregate>>(Aggregates);
    }

    public IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        LastTallyFilter = filter;
        return Task.FromResult<IReadOnlyList<EventTally>>(Tallies);
    }

    public Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
