namespace ContextCleaner.TestCorpus;

/// <summary>One content block of an assistant response (thinking, text or tool_use).</summary>
internal sealed record ContentBlock(string Type, string Text, string? Signature = null, string? ToolId = null,
    string? ToolName = null, IReadOnlyList<KeyValuePair<string, string>>? Input = null)
{
    public bool IsToolUse => Type == "tool_use";

    public static ContentBlock TextBlock(string text) => new("text", text);

    public static ContentBlock ThinkingBlock(string text, string signature) => new("thinking", text, signature);

    public static ContentBlock ToolUse(string id, string name, params KeyValuePair<string, string>[] input) =>
        new("tool_use", string.Empty, ToolId: id, ToolName: name, Input: input);
}
