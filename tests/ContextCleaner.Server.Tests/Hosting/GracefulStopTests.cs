using System.Net;
using System.Net.Sockets;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Tests.Support;
using Shouldly;

namespace ContextCleaner.Server.Tests.Hosting;

/// <summary>
/// Stopping (Ctrl+C, SIGTERM) lets a request in flight finish with its commit: it is answered 200 only once stored, and
/// after the stop nothing is answered at all, so no exporter ever drops a batch that was not stored.
/// </summary>
public sealed class GracefulStopTests
{
    private const string InFlight = "otlp-json/s01-sonnet45-json-hello--0001-logs.json";
    private const string AfterStop = "otlp-json/s02-haiku45-json-hello--0001-logs.json";

    [Fact]
    public async Task StopAsync_RequestWaitingForTheLockedStore_AnswersIt200OnceStoredThenRefusesConnections()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.Is64BitProcess, "ForeignFileLock needs Linux open file description locks");
        // The commit timeout is long: the request must still be waiting for its commit when the lock goes away.
        await using var server = await ServerFixture.StartOnExistingStoreAsync(new ServerOptions { CommitTimeout = TimeSpan.FromSeconds(20) });
        var foreign = new ForeignFileLock(server.DatabasePath);
        Task<HttpResponseMessage> posting;
        Task stopping;
        try
        {
            posting = server.PostAsync("logs", Fixtures.Read(InFlight), "application/json");
            await Condition.WaitUntilAsync(() => server.Server.Statistics.RecordsReceived >= 7, "the batch reached the writer");

            stopping = Task.Run(() => server.Server.StopAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            await Condition.WaitUntilAsync(async () => !await AcceptsConnectionsAsync(server.Server.Address), "the server stopped listening");

            posting.IsCompleted.ShouldBeFalse("the batch cannot commit while the store is locked");
            stopping.IsCompleted.ShouldBeFalse("stopping waits for the request in flight");
        }
        finally
        {
            foreign.Dispose();
        }

        using var answer = await posting;
        await stopping;

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("{}");
        await Should.ThrowAsync<HttpRequestException>(() => server.PostAsync("logs", Fixtures.Read(AfterStop), "application/json"));
        (await server.CountsAsync()).Values.Sum().ShouldBe(7);
        server.Server.Writes.Inserted.ShouldBe(7);
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri address)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
