using ContextCleaner.Server.Hosting;

namespace ContextCleaner.Benchmarks;

/// <summary>The receiver hosted in the benchmark process (managed JIT code).</summary>
internal sealed class InProcessReceiver(TelemetryServer server) : IReceiver
{
    public Uri Address => server.Address;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
