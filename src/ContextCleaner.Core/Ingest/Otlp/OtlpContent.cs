namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>Attributes that carry what the user typed, what the model answered or what a tool read or wrote.</summary>
internal static class OtlpContent
{
    public const string Redacted = "<REDACTED>";

    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "prompt", "prompt_text", "user_prompt", "response", "system_prompt",
        "tool_input", "tool_parameters", "tool_output", "tool_result", "tool_content", "content",
    };

    public static bool IsContent(string key) => Keys.Contains(key);
}
