namespace ContextCleaner.Core.Storage;

/// <summary>What <see cref="ITelemetryStore.BulkWriteAsync"/> reports while it writes.</summary>
public interface IBulkWriteObserver
{
    /// <summary>A batch is written (not necessarily committed yet).</summary>
    void BatchWritten(WriteResult result);

    /// <summary>Every batch written so far is committed.</summary>
    void Committed();
}
