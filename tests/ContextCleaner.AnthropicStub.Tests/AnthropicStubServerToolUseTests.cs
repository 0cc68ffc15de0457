using System.Text.Json;
using System.Text.Json.Nodes;
using ContextCleaner.AnthropicStub.Tests.Support;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubServerToolUseTests
{
    private const string ReadInput = """{"file_path":"/home/user/project/hello.txt"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_ScriptedToolOffered_StreamsToolUseThenTextAfterToolResult()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { ToolUses = [new ToolUse("Read", ReadInput)] });

        using var first = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true, tools: StubRequests.Tools("Bash", "Read")), Ct);
        var events = await SseParser.ReadAllAsync(first, Ct);

        events.Select(e => e.Name).ShouldBe(
        [
            "message_start", "ping",
            "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
            "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
            "message_delta", "message_stop",
        ]);
        var toolStart = events[6].Data;
        toolStart.GetProperty("index").GetInt32().ShouldBe(1);
        var block = toolStart.GetProperty("content_block");
        block.GetProperty("type").GetString().ShouldBe("tool_use");
        block.GetProperty("name").GetString().ShouldBe("Read");
        var toolUseId = block.GetProperty("id").GetString().ShouldNotBeNull();
        toolUseId.ShouldMatch("^toolu_stub_[0-9a-f]{20}$");
        // Python's json.dumps text, 16 characters per input_json_delta: {"file_path": "/home/user/project/hello.txt"}.
        var partial = events.Where(e => e.Name == "content_block_delta" && e.Data.GetProperty("index").GetInt32() == 1)
            .Select(e => e.Data.GetProperty("delta"))
            .ToList();
        partial.ShouldAllBe(d => d.GetProperty("type").GetString() == "input_json_delta");
        string.Concat(partial.Select(d => d.GetProperty("partial_json").GetString()))
            .ShouldBe("""{"file_path": "/home/user/project/hello.txt"}""");
        events[^2].Data.GetProperty("delta").GetProperty("stop_reason").GetString().ShouldBe("tool_use");

        var conversation = StubRequests.SayHello();
        conversation.Add(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "tool_use", ["id"] = toolUseId, ["name"] = "Read", ["input"] = JsonNode.Parse(ReadInput) }),
        });
        conversation.Add(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = toolUseId, ["content"] = "Hello from the fixture file." }),
        });
        using var second = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: true, messages: conversation, tools: StubRequests.Tools("Bash", "Read")), Ct);
        var final = await SseParser.ReadAllAsync(second, Ct);

        final[^2].Data.GetProperty("delta").GetProperty("stop_reason").GetString().ShouldBe("end_turn");
        stub.Server.Requests.Select(r => r.StopReason).ShouldBe(["tool_use", "end_turn"]);
    }

    [Fact]
    public async Task Messages_ScriptedToolNotOffered_AnswersWithText()
    {
        await using var stub = await StubHarness.StartAsync(new AnthropicStubOptions { ToolUses = [new ToolUse("Read", ReadInput)] });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false, tools: StubRequests.Tools("Bash")), Ct);
        var message = await StubRequests.ReadJsonAsync(response, Ct);

        message.GetProperty("stop_reason").GetString().ShouldBe("end_turn");
    }

    [Fact]
    public async Task Messages_ToolUseNotStreaming_ReturnsTextAndToolUseBlocks()
    {
        await using var stub = await StubHarness.StartAsync(
            new AnthropicStubOptions { ToolUses = [new ToolUse("Bash", """{"command":"ls","description":"List"}""")] });

        using var response = await StubRequests.SendAsync(stub.Client, StubRequests.Body(stream: false, tools: StubRequests.Tools("Bash")), Ct);
        var message = await StubRequests.ReadJsonAsync(response, Ct);

        message.GetProperty("stop_reason").GetString().ShouldBe("tool_use");
        var blocks = message.GetProperty("content").EnumerateArray().ToList();
        blocks.Select(b => b.GetProperty("type").GetString()).ShouldBe(["text", "tool_use"]);
        blocks[0].GetProperty("text").GetString().ShouldBe(AnthropicStubDefaults.ToolPreamble);
        blocks[1].GetProperty("input").GetProperty("command").GetString().ShouldBe("ls");
        blocks[1].GetProperty("input").ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
