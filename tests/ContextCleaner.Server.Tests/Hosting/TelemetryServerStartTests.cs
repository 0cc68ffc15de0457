using System.Net;
using System.Net.Sockets;
using ContextCleaner.Core;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Tests.Support;
using Shouldly;

namespace ContextCleaner.Server.Tests.Hosting;

public sealed class TelemetryServerStartTests
{
    [Fact]
    public async Task StartAsync_PortAlreadyInUse_FailsWithOneLineNamingTheAddress()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var error = await Should.ThrowAsync<ContextCleanerException>(() => TelemetryServer.StartAsync(
            new ServerOptions { Listen = $"127.0.0.1:{port}" },
            _ => throw new InvalidOperationException("no store needed"), PriceTableLoader.Load(), TimeProvider.System,
            TestContext.Current.CancellationToken));

        error.Message.ShouldStartWith($"Cannot listen on 127.0.0.1:{port}:");
        error.Message.ShouldNotContain("\n");
        error.ExitCode.ShouldBe(3);
    }

    [Theory]
    [InlineData("nonsense", "--listen 'nonsense' is not host:port")]
    [InlineData("127.0.0.1:99999", "is not host:port")]
    public async Task StartAsync_InvalidOptions_FailsWithEveryProblemInOneMessage(string listen, string expected)
    {
        var error = await Should.ThrowAsync<ContextCleanerException>(() => TelemetryServer.StartAsync(
            new ServerOptions { Listen = listen, MaxBodyBytes = 0 },
            _ => throw new InvalidOperationException("no store needed"), PriceTableLoader.Load(), TimeProvider.System,
            TestContext.Current.CancellationToken));

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("--max-body-bytes 0 must be positive");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Health_RunningServer_AnswersOk()
    {
        await using var server = await ServerFixture.StartAsync();

        var text = await server.Client.GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        text.ShouldBe("ok\n");
    }
}
