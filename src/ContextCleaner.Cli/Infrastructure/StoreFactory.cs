using System.Diagnostics.CodeAnalysis;
using ContextCleaner.Core;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>Creates the store a <see cref="StoreUri"/> names.</summary>
internal static class StoreFactory
{
    /// <summary>True for a DuckDB file that does not exist yet (opening creates it empty).</summary>
    public static bool IsMissing(StoreUri uri) => uri.Scheme == "duckdb" && uri.Location != ":memory:" && !File.Exists(uri.Location);

    /// <summary>Creates the store; <paramref name="writeHeavy"/> tunes it for a writer under sustained load (the OTLP receiver).</summary>
    // ClickHouse.Driver's type table builds Point (Tuple<double, double>) values through reflection in a static
    // constructor that every query runs: in the native binary that constructor must be kept, or no query works.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Tuple<double, double>))]
    public static ITelemetryStore Create(StoreUri uri, PriceTable prices, CliEnvironment environment, TimeSpan? lockWait = null, bool writeHeavy = false) =>
        uri.Scheme switch
        {
            // 64 MB of WAL between checkpoints: +15-20 % receiver throughput and a third of the p99 latency of DuckDB's
            // 16 MB default (benchmarks/results-serve.md), for up to ~150 MB of rows held uncompressed under full load.
            "duckdb" => new DuckDbTelemetryStore(uri.Location, environment.Time, lockWait) { CheckpointThresholdBytes = writeHeavy ? 64L << 20 : null },
            // Retry delays are real waits whatever clock the command reads "now" from (tests give it a fixed one).
            "clickhouse" or "clickhouses" => new ClickHouseStore(ClickHouseStoreLocation.Parse(uri.ToString(), environment.GetVariable), prices,
                environment.Time, TimeProvider.System),
            _ => throw new ContextCleanerException($"The {uri.Scheme} store is not available in this version; use duckdb:///path/file.duckdb.", 2),
        };
}
