namespace ContextCleaner.Core.Ingest;

/// <summary>Default values of <see cref="ImportOptions"/>.</summary>
public static class ImportDefaults
{
    /// <summary>One reader per core: parsing scales ~1.9× on two cores (perf-baseline.md §6).</summary>
    public static int Parallelism => Environment.ProcessorCount;

    /// <summary>
    /// 128 MB of input per transaction: eight commits for a 1 GB history. Larger batches commit less often but keep
    /// more events (two batches are in flight) and more DuckDB state in memory: 256 MB measured ~10 % faster and
    /// ~10 % more peak memory, 64 MB the reverse (benchmarks/results.md).
    /// </summary>
    public const long BatchBytes = 128L << 20;

    /// <summary>256 MiB: far above any real line (a 50 MB line is still read), low enough not to exhaust memory.</summary>
    public const int MaxLineBytes = 256 << 20;

    /// <summary>Problems kept per file.</summary>
    public const int MaxProblemsPerFile = 20;
}
