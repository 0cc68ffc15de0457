using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>Adds up what the store did with each batch of an import and passes the batch and commit counts on as progress.</summary>
internal sealed class ImportWriteCounter(ImportProgressTracker tracker) : IBulkWriteObserver
{
    public ImportStatistics Written { get; } = new();

    public void BatchWritten(WriteResult result)
    {
        Written.EventsInserted += result.Inserted;
        Written.EventsReplaced += result.Replaced;
        Written.Duplicates += result.AlreadyStored;
        tracker.BatchWritten();
    }

    public void Committed() => tracker.Committed();
}
