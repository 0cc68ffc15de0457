namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>A started stub and an <see cref="HttpClient"/> pointed at it.</summary>
internal sealed class StubHarness : IAsyncDisposable
{
    private StubHarness(AnthropicStubServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public AnthropicStubServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<StubHarness> StartAsync(AnthropicStubOptions? options = null) =>
        new(await AnthropicStubServer.StartAsync(options ?? new AnthropicStubOptions(), TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
