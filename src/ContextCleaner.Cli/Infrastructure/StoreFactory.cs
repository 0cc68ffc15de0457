using ContextCleaner.Core;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>Creates the store a <see cref="StoreUri"/> names.</summary>
internal static class StoreFactory
{
    /// <summary>Creates the store; <paramref name="writeHeavy"/> tunes it for a writer under sustained load (the OTLP receiver).</summary>
    public static ITelemetryStore Create(StoreUri uri, TimeProvider time, TimeSpan? lockWait = null, bool writeHeavy = false) => uri.Scheme switch
    {
        // 64 MB of WAL between checkpoints: +15-20 % receiver throughput and a third of the p99 latency of DuckDB's
        // 16 MB default (benchmarks/results-serve.md), for up to ~150 MB of rows held uncompressed under full load.
        "duckdb" => new DuckDbTelemetryStore(uri.Location, time, lockWait) { CheckpointThresholdBytes = writeHeavy ? 64L << 20 : null },
        _ => throw new ContextCleanerException($"The {uri.Scheme} store is not available in this version; use duckdb:///path/file.duckdb.", 2),
    };
}
