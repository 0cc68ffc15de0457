namespace ContextCleaner.Core.Ingest;

/// <summary>Progress of an import: each report carries every counter.</summary>
/// <param name="FilesDone">Files finished.</param>
/// <param name="FilesTotal">Files to read.</param>
/// <param name="BytesDone">Bytes read.</param>
/// <param name="BytesTotal">Bytes to read.</param>
/// <param name="BatchesWritten">Batches committed to the store so far.</param>
public readonly record struct ImportProgress(long FilesDone, long FilesTotal, long BytesDone, long BytesTotal, int BatchesWritten = 0);
