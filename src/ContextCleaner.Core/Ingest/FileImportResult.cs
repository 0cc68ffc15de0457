using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>What reading one file produced.</summary>
/// <param name="File">The file.</param>
/// <param name="Events">Events in file order.</param>
/// <param name="Statistics">Counters of this file.</param>
/// <param name="Checkpoint">Where the next import continues; null when the file could not be read.</param>
/// <param name="Problems">Skipped lines (the first few).</param>
internal sealed record FileImportResult(TranscriptFile File, List<TelemetryEvent> Events, ImportStatistics Statistics,
    FileCheckpoint? Checkpoint, List<ImportProblem> Problems);
