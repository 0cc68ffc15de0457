namespace ContextCleaner.Core.Ingest;

/// <summary>Progress of an import: each report carries every counter.</summary>
/// <param name="FilesDone">Files finished.</param>
/// <param name="FilesTotal">Files to read.</param>
/// <param name="BytesDone">Bytes read.</param>
/// <param name="BytesTotal">Bytes to read.</param>
/// <param name="BatchesWritten">Batches written to the store so far.</param>
/// <param name="BatchesCommitted">
/// Batches committed so far: each one as it is written, except in a first import into an empty store, which commits
/// them all at its end (<see cref="Storage.ITelemetryStore.BulkWriteAsync"/>).
/// </param>
public readonly record struct ImportProgress(long FilesDone, long FilesTotal, long BytesDone, long BytesTotal, int BatchesWritten = 0, int BatchesCommitted = 0);
