using System.Net.Http.Headers;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Storage.DuckDb;

namespace ContextCleaner.Server.Tests.Support;

/// <summary>A real <see cref="TelemetryServer"/> on a free loopback port, storing into a DuckDB file in a temp folder.</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    private static readonly Lazy<PriceTable> Prices = new(() => PriceTableLoader.Load());

    private ServerFixture(TempDirectory temp, TelemetryServer server, string databasePath)
    {
        Temp = temp;
        Server = server;
        DatabasePath = databasePath;
        Client = new HttpClient { BaseAddress = server.Address };
    }

    public TempDirectory Temp { get; }

    public TelemetryServer Server { get; }

    public string DatabasePath { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a server on a fresh store.</summary>
    /// <param name="options">Server options (the listen address is always a free loopback port).</param>
    /// <param name="temp">Folder of the store, when the test prepared it.</param>
    /// <param name="lockWait">How long opening the store waits for another process's lock; default 0.8 × the commit timeout.</param>
    public static async Task<ServerFixture> StartAsync(ServerOptions? options = null, TempDirectory? temp = null, TimeSpan? lockWait = null)
    {
        temp ??= new TempDirectory();
        var path = StorePath(temp);
        options = (options ?? new ServerOptions()) with { Listen = "127.0.0.1:0" };
        var server = await TelemetryServer.StartAsync(options, async token =>
        {
            var store = new DuckDbTelemetryStore(path, TimeProvider.System, lockWait ?? options.CommitTimeout * 0.8);
            await store.InitializeAsync(token);
            return store;
        }, Prices.Value, TimeProvider.System, TestContext.Current.CancellationToken);
        return new ServerFixture(temp, server, path);
    }

    /// <summary>
    /// Creates the (empty, migrated) store file first, then starts the server on it: a test can lock the file the way
    /// another process holding the store would before anything is posted.
    /// </summary>
    public static async Task<ServerFixture> StartOnExistingStoreAsync(ServerOptions options, TimeSpan? lockWait = null)
    {
        var temp = new TempDirectory();
        await using (var store = new DuckDbTelemetryStore(StorePath(temp), TimeProvider.System))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
        }

        return await StartAsync(options, temp, lockWait);
    }

    /// <summary>POSTs a fixture body (or any bytes) to /v1/&lt;signal&gt;.</summary>
    public Task<HttpResponseMessage> PostAsync(string signal, byte[] body, string contentType, string? encoding = null, string? token = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/" + signal) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Stops the server (releasing the store) and opens the store to read what it holds.</summary>
    public async Task<T> ReadStoreAsync<T>(Func<ITelemetryStore, Task<T>> read)
    {
        await Server.StopAsync(TestContext.Current.CancellationToken);
        await using var store = new DuckDbTelemetryStore(DatabasePath, TimeProvider.System);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return await read(store);
    }

    /// <summary>Stops the server and runs <paramref name="sql"/> on the store file (first column of every row).</summary>
    public async Task<List<object?>> QueryAsync(string sql)
    {
        await Server.StopAsync(TestContext.Current.CancellationToken);
        await using (var store = new DuckDbTelemetryStore(DatabasePath, TimeProvider.System))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);     // the file exists even when nothing was posted
        }

        await using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<object?>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    public Task<IReadOnlyDictionary<EventKind, long>> CountsAsync() =>
        ReadStoreAsync(store => store.CountEventsAsync(TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Temp.Dispose();
    }

    private static string StorePath(TempDirectory temp) => temp.Combine("store", "telemetry.duckdb");
}
