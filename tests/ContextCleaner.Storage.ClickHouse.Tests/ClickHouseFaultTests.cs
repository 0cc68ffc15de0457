using ContextCleaner.Core;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

/// <summary>What a user sees when ClickHouse is down, slow, locked or missing pieces: one line naming the store (password masked) and the cause.</summary>
public sealed class ClickHouseFaultTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerDown_OneLineWithTheMaskedUriAndTheCause()
    {
        await using var relay = TcpRelay.Start("127.0.0.1", 9);
        var port = relay.Port;
        await relay.StopAsync();
        var location = ClickHouseStoreLocation.Parse($"clickhouse://alice:s3cret@127.0.0.1:{port}/team", _ => null);
        await using var store = new ClickHouseStore(location, ClickHouseTestStore.Prices, TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.InitializeAsync(Token));

        error.Message.ShouldBe($"ClickHouse at clickhouse://alice:***@127.0.0.1:{port}/team: connection refused (is the server running, and is this its HTTP port?)");
        error.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task UnknownHost_SaysHostNotFound()
    {
        var location = ClickHouseStoreLocation.Parse("clickhouse://no-such-host.invalid:8123/x", _ => null);
        await using var store = new ClickHouseStore(location, ClickHouseTestStore.Prices, TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.InitializeAsync(Token));

        error.Message.ShouldBe("ClickHouse at clickhouse://default@no-such-host.invalid:8123/x: host not found");
    }

    [Fact]
    public async Task WrongPassword_SaysAuthenticationFailedWithoutThePassword()
    {
        var server = new Uri(ServerUrl());
        var location = ClickHouseStoreLocation.Parse($"clickhouse://default:wrong-one@{server.Host}:{server.Port}/x", _ => null);
        await using var store = new ClickHouseStore(location, ClickHouseTestStore.Prices, TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.InitializeAsync(Token));

        error.Message.ShouldStartWith($"ClickHouse at clickhouse://default:***@{server.Host}:{server.Port}/x: authentication failed");
        error.Message.ShouldNotContain("wrong-one");
    }

    [Fact]
    public async Task MissingTable_NamesIt()
    {
        await using var test = await ClickHouseTestStore.OpenAsync();
        await test.ScalarAsync($"DROP TABLE {test.Database}.api_requests");

        var error = await Should.ThrowAsync<ContextCleanerException>(() => test.Store.QueryUsageAsync(new UsageQuery(), Token));

        error.Message.ShouldStartWith($"ClickHouse at {test.Location.DisplayUri}: ");
        error.Message.ShouldContain($"{test.Database}.api_requests");
        error.Message.ShouldContain("UNKNOWN_TABLE");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task QueryOverTheServerLimit_SaysTimedOutAndHowToRaiseIt()
    {
        await using var gateway = new ClickHouseGateway(ClickHouseTestStore.LocationOn(ServerUrl(), "default", "?timeout=1"), TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => gateway.ScalarAsync("SELECT count() FROM numbers_mt(100000000000)", Token));

        error.Message.ShouldEndWith(": query timed out after 1 s (raise the limit with ?timeout=SECONDS)");
    }

    [Fact]
    public async Task ServerThatStopsAnswering_ClientGivesUpAfterTheTimeout()
    {
        var server = new Uri(ServerUrl());
        await using var relay = TcpRelay.Start(server.Host, server.Port);
        relay.ResponseDelay = TimeSpan.FromSeconds(10);
        var location = ClickHouseStoreLocation.Parse($"clickhouse://127.0.0.1:{relay.Port}/x?timeout=0.5", _ => null);
        await using var store = new ClickHouseStore(location, ClickHouseTestStore.Prices, TimeProvider.System);

        var error = await Should.ThrowAsync<ContextCleanerException>(() => store.InitializeAsync(Token));

        error.Message.ShouldBe($"ClickHouse at clickhouse://default@127.0.0.1:{relay.Port}/x: no answer within 1 s (raise the limit with ?timeout=SECONDS)");
    }

    [Fact]
    public async Task ServerBackWithinTheRetries_CallSucceeds()
    {
        var server = new Uri(ServerUrl());
        await using var relay = TcpRelay.Start(server.Host, server.Port);
        await relay.StopAsync();
        await using var gateway = new ClickHouseGateway(ClickHouseStoreLocation.Parse($"clickhouse://127.0.0.1:{relay.Port}/x", _ => null), TimeProvider.System);

        var version = gateway.VersionAsync(Token);
        await Task.Delay(TimeSpan.FromMilliseconds(50), Token);
        relay.Resume();

        (await version).ShouldStartWith("26.");
    }

    private static string ServerUrl()
    {
        var url = Environment.GetEnvironmentVariable(ClickHouseTestStore.UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip($"No local ClickHouse: set {ClickHouseTestStore.UrlVariable} (scripts/test.sh does).");
        }

        return url;
    }
}
