using ContextCleaner.Core.Storage;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>One store under test: how to start it empty, how much disk it uses, and whose CPU time its work costs.</summary>
internal abstract class StoreTarget
{
    public abstract string Name { get; }

    /// <summary>Removes what a previous run left and opens an empty, initialized store.</summary>
    public abstract Task<ITelemetryStore> OpenEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Bytes on disk of the stored events.</summary>
    public abstract Task<long> SizeBytesAsync(CancellationToken cancellationToken);

    /// <summary>Waits until the store's background work after a bulk write is done (ClickHouse merges); returns the wait.</summary>
    public virtual Task<TimeSpan> SettleAsync(CancellationToken cancellationToken) => Task.FromResult(TimeSpan.Zero);

    /// <summary>CPU time of the server process, when the store has one (and it is known).</summary>
    public virtual TimeSpan? ServerCpu() => null;

    /// <summary>Removes the store's data after the run.</summary>
    public abstract Task DeleteAsync(CancellationToken cancellationToken);
}
