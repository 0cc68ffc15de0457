using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// One atomic write: events, metric points and the import checkpoints they complete.
/// </summary>
/// <param name="Events">Events that may already be stored (duplicates are resolved by <see cref="DuplicatePreference"/>).</param>
/// <param name="NewEvents">
/// Events the caller knows are not stored yet (a first import into an empty store): the store may append them
/// without looking for duplicates, which is most of the cost of a large first import.
/// </param>
/// <param name="Checkpoints">File positions to remember once the events are stored.</param>
public sealed record EventBatch(IReadOnlyList<TelemetryEvent> Events, IReadOnlyList<TelemetryEvent> NewEvents, IReadOnlyList<FileCheckpoint> Checkpoints)
{
    /// <summary>Events and checkpoints with no knowledge of what is stored.</summary>
    public EventBatch(IReadOnlyList<TelemetryEvent> events, IReadOnlyList<FileCheckpoint> checkpoints)
        : this(events, [], checkpoints)
    {
    }

    /// <summary>Metric points to store with the events (re-sent points are stored once).</summary>
    public IReadOnlyList<MetricPoint> Metrics { get; init; } = [];
}
