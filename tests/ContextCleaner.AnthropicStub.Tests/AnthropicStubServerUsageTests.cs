using System.Text.Json.Nodes;
using ContextCleaner.AnthropicStub.Tests.Support;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_SameSystemPromptTwice_CreatesThenReadsCache()
    {
        await using var stub = await StubHarness.StartAsync();

        var first = await UsageOfAsync(stub, StubRequests.Body(stream: true, system: StubRequests.CachedSystem()));
        var second = await UsageOfAsync(stub, StubRequests.Body(stream: false, system: StubRequests.CachedSystem()));

        // Prefix {"system": [...], "tools": null} = 112 characters → 28 tokens; messages 42 characters → 10.
        first["input_tokens"]!.GetValue<int>().ShouldBe(10);
        first["cache_creation_input_tokens"]!.GetValue<int>().ShouldBe(28);
        first["cache_read_input_tokens"]!.GetValue<int>().ShouldBe(0);
        second["cache_creation_input_tokens"]!.GetValue<int>().ShouldBe(0);
        second["cache_read_input_tokens"]!.GetValue<int>().ShouldBe(28);
        second["cache_creation"]!["ephemeral_5m_input_tokens"]!.GetValue<int>().ShouldBe(0);
        stub.Server.Requests.Select(r => r.Usage).ShouldBe([new StubUsage(10, 28, 0, 15), new StubUsage(10, 0, 28, 15)]);
    }

    [Fact]
    public async Task Messages_CacheCreation_ReportedAsEphemeral5m()
    {
        await using var stub = await StubHarness.StartAsync();

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true, system: StubRequests.CachedSystem()), Ct);
        var events = await SseParser.ReadAllAsync(response, Ct);

        var usage = events[0].Data.GetProperty("message").GetProperty("usage");
        usage.GetProperty("cache_creation").GetProperty("ephemeral_5m_input_tokens").GetInt32().ShouldBe(28);
        usage.GetProperty("cache_creation").GetProperty("ephemeral_1h_input_tokens").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Messages_DifferentSystemPrompt_CreatesCacheAgain()
    {
        await using var stub = await StubHarness.StartAsync();

        _ = await UsageOfAsync(stub, StubRequests.Body(stream: false, system: StubRequests.CachedSystem("one")));
        var other = await UsageOfAsync(stub, StubRequests.Body(stream: false, system: StubRequests.CachedSystem("two")));

        other["cache_creation_input_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        other["cache_read_input_tokens"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Messages_FaultedRequest_DoesNotWarmTheCache()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { Faults = [StubFault.Overloaded] });

        using (await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false, system: StubRequests.CachedSystem()), Ct))
        {
        }

        var usage = await UsageOfAsync(stub, StubRequests.Body(stream: false, system: StubRequests.CachedSystem()));

        usage["cache_creation_input_tokens"]!.GetValue<int>().ShouldBe(28);
    }

    [Fact]
    public async Task Messages_SystemWithoutCacheControl_CountsEverythingAsInput()
    {
        await using var stub = await StubHarness.StartAsync();
        var system = StubRequests.CachedSystem();
        ((JsonObject)system[0]!).Remove("cache_control");

        var usage = await UsageOfAsync(stub, StubRequests.Body(stream: false, system: system));

        // {"system": [{"type": "text", "text": "You are a test."}], "tools": null}: 72 characters → 18; + 10 messages.
        usage["input_tokens"]!.GetValue<int>().ShouldBe(28);
        usage["cache_creation_input_tokens"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task CountTokens_ReturnsEstimateOfSystemMessagesAndTools()
    {
        await using var stub = await StubHarness.StartAsync();
        var body = StubRequests.Body(stream: false, system: StubRequests.CachedSystem());

        using var response = await StubRequests.SendAsync(stub.Client, body, Ct, path: "/v1/messages/count_tokens?beta=true");
        var answer = await StubRequests.ReadJsonAsync(response, Ct);

        // {"system": [...], "messages": [...], "tools": null} = 168 characters → 42.
        answer.GetProperty("input_tokens").GetInt32().ShouldBe(42);
        answer.EnumerateObject().ShouldHaveSingleItem();
        var record = stub.Server.Requests.ShouldHaveSingleItem();
        record.Route.ShouldBe(StubRoute.CountTokens);
        record.Fault.ShouldBeNull();
    }

    private static async Task<JsonNode> UsageOfAsync(StubHarness stub, JsonObject body)
    {
        using var response = await StubRequests.SendAsync(stub.Client, body, Ct);
        if (body["stream"]!.GetValue<bool>())
        {
            var events = await SseParser.ReadAllAsync(response, Ct);
            return JsonNode.Parse(events[0].Data.GetProperty("message").GetProperty("usage").GetRawText())!;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["usage"]!;
    }
}
