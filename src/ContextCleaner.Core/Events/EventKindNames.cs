namespace ContextCleaner.Core.Events;

/// <summary>Stable wire names of <see cref="EventKind"/> as stored in every store (<c>api_request</c>, …).</summary>
public static class EventKindNames
{
    /// <summary>The stored name of a kind.</summary>
    public static string ToName(EventKind kind) => kind switch
    {
        EventKind.ApiRequest => "api_request",
        EventKind.ApiError => "api_error",
        EventKind.ApiRetriesExhausted => "api_retries_exhausted",
        EventKind.ModelFallback => "model_fallback",
        EventKind.ToolResult => "tool_result",
        EventKind.ToolDecision => "tool_decision",
        EventKind.UserPrompt => "user_prompt",
        EventKind.AssistantResponse => "assistant_response",
        EventKind.Compaction => "compaction",
        _ => "other",
    };

    /// <summary>Parses a stored name; unknown names are <see cref="EventKind.Other"/>.</summary>
    public static EventKind FromName(string name) => name switch
    {
        "api_request" => EventKind.ApiRequest,
        "api_error" => EventKind.ApiError,
        "api_retries_exhausted" => EventKind.ApiRetriesExhausted,
        "model_fallback" => EventKind.ModelFallback,
        "tool_result" => EventKind.ToolResult,
        "tool_decision" => EventKind.ToolDecision,
        "user_prompt" => EventKind.UserPrompt,
        "assistant_response" => EventKind.AssistantResponse,
        "compaction" => EventKind.Compaction,
        _ => EventKind.Other,
    };
}
