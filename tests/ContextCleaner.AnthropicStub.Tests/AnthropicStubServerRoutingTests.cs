using System.Net;
using ContextCleaner.AnthropicStub.Tests.Support;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_ListensOnLoopbackWithChosenPort()
    {
        await using var stub = await StubHarness.StartAsync();

        stub.Server.BaseAddress.Host.ShouldBe("127.0.0.1");
        stub.Server.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task HeadApiHello_Returns200AndIsRecorded()
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await stub.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/hello"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.Route.ShouldBe(StubRoute.Hello);
        record.StatusCode.ShouldBe(200);
    }

    [Theory]
    [InlineData("GET", "/v1/models")]
    [InlineData("POST", "/v1/complete")]
    [InlineData("GET", "/v1/messages")]
    [InlineData("GET", "/favicon.ico")]
    public async Task UnknownRoute_Returns404NotFoundErrorAndIsRecorded(string method, string path)
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await stub.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        var body = await StubRequests.ReadJsonAsync(response, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("type").GetString().ShouldBe("error");
        body.GetProperty("error").GetProperty("type").GetString().ShouldBe("not_found_error");
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.Route.ShouldBe(StubRoute.NotFound);
        record.Path.ShouldBe(path);
        record.Method.ShouldBe(method);
    }
}
