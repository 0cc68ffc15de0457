using System.Globalization;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>An error answer in the Messages API's shape: status code, <c>error.type</c>, <c>error.message</c>.</summary>
internal sealed record ApiError(int StatusCode, string Type, string Message)
{
    // Status codes, types and messages as the fixtures' api_error events and stdout quote them.
    public static ApiError Overloaded { get; } = new(529, "overloaded_error", "Overloaded");

    public static ApiError RateLimit { get; } = new(
        429,
        "rate_limit_error",
        "This request would exceed the rate limit for your organization of 50 requests per minute. "
        + "For details, refer to: https://docs.anthropic.com/en/api/rate-limits.");

    public static ApiError ServerError { get; } = new(500, "api_error", "Internal server error");

    public static ApiError PromptTooLong { get; } = new(400, "invalid_request_error", "prompt is too long: 212345 tokens > 200000 maximum");

    public static ApiError NotFound { get; } = new(404, "not_found_error", "Not found (stub)");

    public static ApiError NotJson { get; } = new(400, "invalid_request_error", "body is not JSON");

    public static ApiError TooLong(int tokens, int maximum) => new(
        400,
        "invalid_request_error",
        string.Create(CultureInfo.InvariantCulture, $"prompt is too long: {tokens} tokens > {maximum} maximum"));

    /// <summary>The error a fault answers with, or null for faults that answer normally.</summary>
    public static ApiError? For(StubFault fault) => fault switch
    {
        StubFault.Overloaded => Overloaded,
        StubFault.RateLimit => RateLimit,
        StubFault.ServerError => ServerError,
        StubFault.PromptTooLong => PromptTooLong,
        _ => null,
    };
}
