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
        lock (Events)
        {
            Events.AddRange(batch.Events);
            Events.AddRange(batch.NewEvents);
        }

        return inner.WriteAsync(batch, cancellationToken);
    }
}
