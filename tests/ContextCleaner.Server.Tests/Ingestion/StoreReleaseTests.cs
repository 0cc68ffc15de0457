using System.Net;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ContextCleaner.Server.Tests.Ingestion;

/// <summary>
/// Between bursts the receiver closes a store that keeps other processes out (DuckDB's file), so reports get their
/// turn, and keeps a shared one (ClickHouse) open instead of reconnecting and re-checking its schema for every batch.
/// </summary>
public sealed class StoreReleaseTests
{
    [Theory]
    [InlineData(true, 2, 1)]
    [InlineData(false, 1, 0)]
    public async Task IdleBetweenTwoBatches_ExclusiveStoreClosedAndReopened_SharedStoreKeptOpen(bool exclusive, int opens, int closes)
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        int opened = 0, closed = 0;
        var options = new ServerOptions { Listen = "127.0.0.1:0" };
        await using var server = await TelemetryServer.StartAsync(options, async token =>
        {
            Interlocked.Increment(ref opened);
            var store = new SharedStore(new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), TimeProvider.System), exclusive,
                () => Interlocked.Increment(ref closed));
            await store.InitializeAsync(token);
            return store;
        }, PriceTableLoader.Load(), time, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = server.Address };

        (await PostAsync(client, "otlp-json/s01-sonnet45-json-hello--0001-logs.json")).ShouldBe(HttpStatusCode.OK);
        // The writer starts its idle timer after answering: time moves on until the store is closed (or, for a shared
        // store, well past the idle time).
        if (exclusive)
        {
            await Condition.WaitUntilAsync(() =>
            {
                time.Advance(ServerDefaults.ReleaseStoreAfter);
                return Volatile.Read(ref closed) == 1;
            }, "the idle store closed");
        }
        else
        {
            // Long enough in real time for the writer to have reached its idle wait, had it one.
            for (var i = 0; i < 40; i++)
            {
                time.Advance(ServerDefaults.ReleaseStoreAfter);
                await Task.Delay(TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken);
            }
        }

        (await PostAsync(client, "otlp-json/s02-haiku45-json-hello--0001-logs.json")).ShouldBe(HttpStatusCode.OK);

        opened.ShouldBe(opens);
        Volatile.Read(ref closed).ShouldBe(closes);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body)
    {
        using var content = new ByteArrayContent(Fixtures.Read(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Fixtures.ContentTypeOf(body));
        using var response = await client.PostAsync(new Uri("/v1/" + Fixtures.SignalOf(body), UriKind.Relative), content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
