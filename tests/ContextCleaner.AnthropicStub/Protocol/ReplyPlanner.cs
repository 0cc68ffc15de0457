using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>Chooses between the next scripted tool call and the final text, as the Python stub did.</summary>
internal sealed class ReplyPlanner
{
    private readonly string _text;
    private readonly IReadOnlyList<(string Name, JsonElement Input)> _tools;

    public ReplyPlanner(string text, IEnumerable<ToolUse> tools)
    {
        _text = text;
        _tools = [.. tools.Select(t => (t.Name, ParseInput(t.InputJson)))];
    }

    /// <summary>
    /// The (K+1)-th scripted call when the request holds K <c>tool_result</c> blocks and offers that tool (the
    /// position in the chain comes from the conversation, so retries and parallel sessions need no state here).
    /// </summary>
    public ReplyPlan Plan(MessageRequest request)
    {
        var step = request.ToolResultCount();
        ReplyBlock[] blocks;
        string stopReason;
        if (step < _tools.Count && request.OfferedTools().Contains(_tools[step].Name))
        {
            blocks =
            [
                ReplyBlock.ForText(AnthropicStubDefaults.ToolPreamble),
                ReplyBlock.ForToolUse(StubIds.NewToolUseId(), _tools[step].Name, _tools[step].Input),
            ];
            stopReason = "tool_use";
        }
        else
        {
            blocks = [ReplyBlock.ForText(_text)];
            stopReason = "end_turn";
        }

        var outputTokens = Math.Max(1, blocks.Sum(b => b.PythonJsonText().Length) / 4);
        return new ReplyPlan(blocks, stopReason, outputTokens);
    }

    private static JsonElement ParseInput(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return document.RootElement.Clone();
    }
}
