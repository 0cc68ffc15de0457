using System.Net;
using System.Net.Sockets;
using ContextCleaner.AnthropicStub.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerLifetimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Slow_AnswersOnlyAfterSlowDelay()
    {
        var clock = new FakeTimeProvider();
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Slow], SlowDelay = TimeSpan.FromSeconds(8), TimeProvider = clock });

        var pending = StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        var arrived = await stub.Server.WaitUntilAsync(r => r.Count == 1, Ct);

        arrived[0].IsCompleted.ShouldBeFalse();
        arrived[0].Fault.ShouldBe(StubFault.Slow);
        clock.Advance(TimeSpan.FromSeconds(7));
        pending.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await pending;
        var events = await SseParser.ReadAllAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        events[^1].Name.ShouldBe("message_stop");
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        (record.CompletedAt - record.Time).ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Slow_ClientCancels_ServerRecordsDisconnectAndKeepsServing()
    {
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Slow], SlowDelay = TimeSpan.FromHours(1) });
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var pending = StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), abandon.Token);
        await stub.Server.WaitUntilAsync(r => r.Count == 1, Ct);
        await abandon.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(pending);
        var records = await stub.Server.WaitForCompletedRequestsAsync(1, Ct);
        records[0].ClientDisconnected.ShouldBeTrue();
        records[0].StatusCode.ShouldBe(499);
        using var next = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false), Ct);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Dispose_WithSlowRequestInFlight_EndsItAndStops()
    {
        var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { Faults = [StubFault.Slow], SlowDelay = TimeSpan.FromHours(1) });
        var pending = StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true), Ct);
        await stub.Server.WaitUntilAsync(r => r.Count == 1, Ct);

        await stub.Server.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(pending);
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.ClientDisconnected.ShouldBeTrue();
        await stub.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_StopsListening()
    {
        var stub = await AnthropicStubServer.StartAsync(new AnthropicStubOptions(), Ct);
        var address = stub.BaseAddress;

        await stub.DisposeAsync();
        await stub.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Should.ThrowAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, address.Port, Ct));
        refused.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }
}
