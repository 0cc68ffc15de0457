namespace ContextCleaner.AnthropicStub;

/// <summary>
/// One scripted tool call (the Python stub's <c>--tool-use 'NAME=JSON'</c>). A request that offers the tool and whose
/// messages already hold K <c>tool_result</c> blocks gets the (K+1)-th scripted call; afterwards plain text.
/// </summary>
/// <param name="Name">The tool name, e.g. <c>Read</c>; it must be among the request's <c>tools</c>.</param>
/// <param name="InputJson">The tool input, a JSON object such as <c>{"file_path":"/tmp/x"}</c>; blank means <c>{}</c>.</param>
public sealed record ToolUse(string Name, string InputJson);
