using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>The files an import has to read: everything but files unchanged since their checkpoint.</summary>
internal sealed class ImportPlan
{
    private ImportPlan(List<PlannedFile> files)
    {
        Files = files;
        TotalBytes = files.Sum(f => f.PendingBytes);
    }

    public IReadOnlyList<PlannedFile> Files { get; }

    public long TotalBytes { get; }

    public static ImportPlan Create(List<TranscriptFile> files, IReadOnlyDictionary<string, FileCheckpoint> checkpoints, ImportStatistics statistics)
    {
        var planned = new List<PlannedFile>();
        foreach (var file in files)
        {
            statistics.FilesFound++;
            var checkpoint = checkpoints.GetValueOrDefault(file.Path);
            if (checkpoint is not null && checkpoint.Size == file.Length && checkpoint.LastWriteUtc == file.LastWriteUtc)
            {
                statistics.FilesUnchanged++;
                continue;
            }

            planned.Add(new PlannedFile(file, checkpoint));
        }

        return new ImportPlan(planned);
    }

    /// <summary>Consecutive runs of files holding about <paramref name="batchBytes"/> to read each.</summary>
    public IEnumerable<List<PlannedFile>> Batches(long batchBytes)
    {
        var batch = new List<PlannedFile>();
        long bytes = 0;
        foreach (var file in Files)
        {
            batch.Add(file);
            bytes += file.PendingBytes;
            if (bytes >= batchBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
