namespace ContextCleaner.Core.Ingest;

/// <summary>Tuning of <see cref="TranscriptImporter"/>; defaults in <see cref="ImportDefaults"/>.</summary>
public sealed record ImportOptions
{
    /// <summary>Parallel file readers.</summary>
    public int Parallelism { get; init; } = ImportDefaults.Parallelism;

    /// <summary>Bytes to read before events are written (one store transaction per batch).</summary>
    public long BatchBytes { get; init; } = ImportDefaults.BatchBytes;

    /// <summary>Longest line accepted; longer ones are skipped and counted.</summary>
    public int MaxLineBytes { get; init; } = ImportDefaults.MaxLineBytes;

    /// <summary>Skipped lines remembered per file for <c>--verbose</c>.</summary>
    public int MaxProblemsPerFile { get; init; } = ImportDefaults.MaxProblemsPerFile;

    /// <summary>Checks the values; every problem in one message.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Parallelism < 1) { errors.Add($"Parallelism must be at least 1 (was {Parallelism})"); }
        if (BatchBytes < 1) { errors.Add($"BatchBytes must be positive (was {BatchBytes})"); }
        if (MaxLineBytes < 4096) { errors.Add($"MaxLineBytes must be at least 4096 (was {MaxLineBytes})"); }
        if (errors.Count > 0)
        {
            throw new ContextCleanerException("Invalid import options: " + string.Join("; ", errors), 2);
        }
    }
}
