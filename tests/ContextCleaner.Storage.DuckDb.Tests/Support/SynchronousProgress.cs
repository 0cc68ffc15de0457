namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// Calls the handler on the reporting thread. <see cref="Progress{T}"/> posts to the thread pool, so a test could
/// not tell which report a cancellation follows.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
