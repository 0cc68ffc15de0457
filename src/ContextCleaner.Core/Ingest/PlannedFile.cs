using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>A file to read, with where its last import stopped (null: never imported).</summary>
/// <param name="File">The file.</param>
/// <param name="Checkpoint">Its checkpoint.</param>
internal sealed record PlannedFile(TranscriptFile File, FileCheckpoint? Checkpoint)
{
    /// <summary>Bytes to read if the file only grew.</summary>
    public long PendingBytes => Math.Max(0, File.Length - (Checkpoint?.Offset ?? 0));
}
