namespace ContextCleaner.Benchmarks;

/// <summary>A running OTLP receiver under test: in this process or the real CLI as a child process.</summary>
internal interface IReceiver : IAsyncDisposable
{
    Uri Address { get; }
}
