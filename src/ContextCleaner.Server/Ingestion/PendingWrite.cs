using ContextCleaner.Core.Events;

namespace ContextCleaner.Server.Ingestion;

/// <summary>A batch waiting for the writer, and the request waiting for it.</summary>
internal sealed class PendingWrite(IReadOnlyList<TelemetryEvent> events, IReadOnlyList<MetricPoint> metrics)
{
    public IReadOnlyList<TelemetryEvent> Events { get; } = events;

    public IReadOnlyList<MetricPoint> Metrics { get; } = metrics;

    public int Records => Events.Count + Metrics.Count;

    public TaskCompletionSource<WriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
