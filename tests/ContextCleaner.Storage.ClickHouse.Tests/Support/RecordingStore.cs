using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Tests.Support;

/// <summary>Passes everything to <paramref name="inner"/> and keeps every event written, new or not.</summary>
internal sealed class RecordingStore(ITelemetryStore inner) : DelegatingTelemetryStore
{
    public List<TelemetryEvent> Events { get; } = [];

    protected override ITelemetryStore Inner => inner;

    public override Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        Record(batch);
        return inner.WriteAsync(batch, cancellationToken);
    }

    // A first import's batches go to the inner store's bulk write, each one recorded on its way.
    public override Task BulkWriteAsync(IAsyncEnumerable<EventBatch> batches, IBulkWriteObserver written, CancellationToken cancellationToken) =>
        inner.BulkWriteAsync(Recorded(batches), written, cancellationToken);

    private async IAsyncEnumerable<EventBatch> Recorded(IAsyncEnumerable<EventBatch> batches)
    {
        await foreach (var batch in batches)
        {
            Record(batch);
            yield return batch;
        }
    }

    private void Record(EventBatch batch)
    {
        lock (Events)
        {
            Events.AddRange(batch.Events);
            Events.AddRange(batch.NewEvents);
        }
    }
}
