using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>The embedded DuckDB file store (in this process: its CPU time is the benchmark process's).</summary>
internal sealed class DuckDbTarget(string path) : StoreTarget
{
    public override string Name => "DuckDB";

    public override async Task<ITelemetryStore> OpenEmptyAsync(CancellationToken cancellationToken)
    {
        await DeleteAsync(cancellationToken);
        var store = new DuckDbTelemetryStore(path, TimeProvider.System);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public override Task<long> SizeBytesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new[] { path, path + ".wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length));

    public override Task DeleteAsync(CancellationToken cancellationToken)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        return Task.CompletedTask;
    }
}
