using System.Text;
using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>One content block of an answer: text, or a tool call with its input.</summary>
internal sealed record ReplyBlock(string Type, string? Text, string? Id, string? Name, JsonElement? Input)
{
    public static ReplyBlock ForText(string text) => new("text", text, null, null, null);

    public static ReplyBlock ForToolUse(string id, string name, JsonElement input) => new("tool_use", null, id, name, input);

    public bool IsText => Type == "text";

    /// <summary>The tool input as Python's <c>json.dumps</c> wrote it: the text the stub split into <c>partial_json</c> chunks.</summary>
    public string InputPythonJson() => PythonJson.Dumps(Input!.Value, ensureAscii: true);

    /// <summary><c>json.dumps(block)</c>, whose length / 4 was the Python stub's output-token count.</summary>
    public string PythonJsonText()
    {
        var text = new StringBuilder("{\"type\": ");
        PythonJson.WriteString(text, Type, ensureAscii: true);
        if (IsText)
        {
            text.Append(", \"text\": ");
            PythonJson.WriteString(text, Text!, ensureAscii: true);
        }
        else
        {
            text.Append(", \"id\": ");
            PythonJson.WriteString(text, Id!, ensureAscii: true);
            text.Append(", \"name\": ");
            PythonJson.WriteString(text, Name!, ensureAscii: true);
            text.Append(", \"input\": ").Append(InputPythonJson());
        }

        return text.Append('}').ToString();
    }
}
