namespace ContextCleaner.Core.Events;

/// <summary>
/// The kinds of canonical events. Names follow Claude Code's OpenTelemetry event names
/// (<c>claude_code.api_request</c> → <see cref="ApiRequest"/>), so every source maps onto the same vocabulary.
/// </summary>
public enum EventKind
{
    /// <summary>A successful API request with token usage (transcript assistant line or OTLP <c>api_request</c>).</summary>
    ApiRequest,

    /// <summary>A failed API attempt: a retry that Claude Code will repeat, or the final failure.</summary>
    ApiError,

    /// <summary>Claude Code gave up after several attempts (OTLP <c>api_retries_exhausted</c>).</summary>
    ApiRetriesExhausted,

    /// <summary>Claude Code switched to the fallback model (transcript <c>system</c>/<c>model_fallback</c>).</summary>
    ModelFallback,

    /// <summary>A tool call finished.</summary>
    ToolResult,

    /// <summary>A permission decision about a tool call.</summary>
    ToolDecision,

    /// <summary>A prompt typed or sent by the user.</summary>
    UserPrompt,

    /// <summary>The model's answer to one request (OTLP <c>assistant_response</c>).</summary>
    AssistantResponse,

    /// <summary>The conversation was compacted.</summary>
    Compaction,

    /// <summary>Any other event; its name is kept in the attributes.</summary>
    Other,
}
