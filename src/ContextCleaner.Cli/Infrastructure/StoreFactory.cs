using ContextCleaner.Core;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>Creates the store a <see cref="StoreUri"/> names.</summary>
internal static class StoreFactory
{
    public static ITelemetryStore Create(StoreUri uri, TimeProvider time, TimeSpan? lockWait = null) => uri.Scheme switch
    {
        "duckdb" => new DuckDbTelemetryStore(uri.Location, time, lockWait),
        _ => throw new ContextCleanerException($"The {uri.Scheme} store is not available in this version; use duckdb:///path/file.duckdb.", 2),
    };
}
