using ContextCleaner.Core.Storage;

namespace ContextCleaner.Server.Tests.Support;

/// <summary>
/// A store that says whether it keeps other processes out (<see cref="ITelemetryStore.IsExclusive"/>) as the test
/// wants, and reports when the server closed it; everything else goes to a real store.
/// </summary>
internal sealed class SharedStore(ITelemetryStore inner, bool exclusive, Action closed) : DelegatingTelemetryStore
{
    public override bool IsExclusive => exclusive;

    protected override ITelemetryStore Inner => inner;

    protected override async ValueTask CloseAsync()
    {
        await inner.DisposeAsync();
        closed();
    }
}
