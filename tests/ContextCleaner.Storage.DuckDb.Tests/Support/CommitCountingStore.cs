using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>Passes everything to a real store and counts the batches it committed, so a test knows when one is durable.</summary>
internal sealed class CommitCountingStore(ITelemetryStore inner) : DelegatingTelemetryStore
{
    private int _committed;

    public int CommittedBatches => Volatile.Read(ref _committed);

    protected override ITelemetryStore Inner => inner;

    public override async Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var result = await inner.WriteAsync(batch, cancellationToken);
        Interlocked.Increment(ref _committed);
        return result;
    }

    // The wrapped store belongs to the test.
    protected override ValueTask CloseAsync() => ValueTask.CompletedTask;
}
