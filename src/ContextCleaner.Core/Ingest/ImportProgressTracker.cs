namespace ContextCleaner.Core.Ingest;

/// <summary>
/// The counters of one import, shared by the reading thread (files, bytes) and the writing loop (commits), so that
/// every report a caller receives carries the whole state.
/// </summary>
internal sealed class ImportProgressTracker(IProgress<ImportProgress>? progress, int filesTotal, long bytesTotal)
{
    private long _filesDone;
    private long _bytesDone;
    private int _batchesWritten;
    private int _batchesCommitted;

    public void Start() => Report();

    public void FileRead(long bytes)
    {
        Interlocked.Add(ref _bytesDone, bytes);
        Interlocked.Increment(ref _filesDone);
        Report();
    }

    public void BatchWritten()
    {
        Interlocked.Increment(ref _batchesWritten);
        Report();
    }

    public void Committed()
    {
        Volatile.Write(ref _batchesCommitted, Volatile.Read(ref _batchesWritten));
        Report();
    }

    private void Report() => progress?.Report(new ImportProgress(Interlocked.Read(ref _filesDone), filesTotal,
        Interlocked.Read(ref _bytesDone), bytesTotal, Volatile.Read(ref _batchesWritten), Volatile.Read(ref _batchesCommitted)));
}
