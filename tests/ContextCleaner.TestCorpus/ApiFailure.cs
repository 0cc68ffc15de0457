namespace ContextCleaner.TestCorpus;

/// <summary>An API failure as Claude Code 2.1 records it (retry system lines and the final synthetic line).</summary>
internal sealed record ApiFailure(int? Status, string? ErrorType, string ApiMessage, string Formatted,
    string SyntheticText, string ErrorCode)
{
    public static ApiFailure Overloaded { get; } = new(529, "overloaded_error", "Overloaded", "529 Overloaded",
        "API Error: 529 Overloaded. This is a server-side issue, usually temporary — try again in a moment.",
        "server_error");

    public static ApiFailure Internal { get; } = new(500, "api_error", "Internal server error",
        "500 Internal server error",
        "API Error: 500 Internal server error. This is a server-side issue, usually temporary — try again in a moment.",
        "server_error");

    public static ApiFailure RateLimited { get; } = new(429, "rate_limit_error",
        "This request would exceed the rate limit for your organization of 50 requests per minute.",
        "429 This request would exceed the rate limit for your organization of 50 requests per minute.",
        "API Error: Request rejected (429) · This request would exceed the rate limit for your organization of 50 requests per minute.",
        "rate_limit");

    public static ApiFailure Timeout { get; } = new(null, null, "Request timed out.", "Request timed out.",
        "Request timed out. If the API is slow to answer, or a proxy or gateway holds responses, set API_TIMEOUT_MS higher.",
        "server_error");

    public static ApiFailure PromptTooLong { get; } = new(400, "invalid_request_error",
        "prompt is too long: 212345 tokens > 200000 maximum", "400 prompt is too long",
        "Prompt is too long", "invalid_request");

    /// <summary>The raw "STATUS {json}" message the SDK reports, or the plain text for a timeout.</summary>
    public string RawMessage(string requestId) => Status is null
        ? ApiMessage
        : $"{Status} {{\"type\":\"error\",\"error\":{{\"type\":\"{ErrorType}\",\"message\":\"{ApiMessage}\"}},\"request_id\":\"{requestId}\"}}";
}
