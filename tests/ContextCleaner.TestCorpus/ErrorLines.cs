using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Retry system lines, model-fallback lines and synthetic API-error assistant lines (Claude Code 2.1 shapes).</summary>
internal static class ErrorLines
{
    public static void WriteRetry(Utf8JsonWriter w, LineContext ctx, string uuid, ApiFailure failure,
        string failedRequestId, int attempt, long retryInMs)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("type", "system");
        w.WriteString("subtype", "api_error");
        w.WriteString("level", "error");
        w.WriteStartObject("error");
        w.WriteString("message", failure.RawMessage(failedRequestId));
        if (failure.Status is { } status)
        {
            w.WriteNumber("status", status);
            w.WriteString("requestId", failedRequestId);
        }

        w.WriteString("formatted", failure.Formatted);
        w.WriteNull("connection");
        w.WriteBoolean("isNetworkDown", false);
        w.WriteNull("rateLimits");
        w.WriteNull("noResponse");
        w.WriteEndObject();
        w.WriteNumber("retryInMs", retryInMs);
        w.WriteNumber("retryAttempt", attempt);
        w.WriteNumber("maxRetries", 10);
        w.WriteString("source", "request_retry");
        w.WriteString("timestamp", ctx.Timestamp);
        w.WriteString("uuid", uuid);
        Envelope.WriteTail(w, ctx);
    }

    public static void WriteFallback(Utf8JsonWriter w, LineContext ctx, string uuid, string original, string fallback)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("type", "system");
        w.WriteString("subtype", "model_fallback");
        w.WriteString("content", "Switched to Sonnet 4.5 due to high demand for Opus 4.1");
        w.WriteString("level", "warning");
        w.WriteString("trigger", "overloaded");
        w.WriteString("originalModel", original);
        w.WriteString("fallbackModel", fallback);
        w.WriteBoolean("isMeta", false);
        Envelope.WriteIdentity(w, ctx, uuid);
        Envelope.WriteTail(w, ctx);
    }

    /// <summary>The assistant line Claude Code writes when a request finally fails: model &lt;synthetic&gt;, zero usage.</summary>
    public static void WriteSynthetic(Utf8JsonWriter w, LineContext ctx, string uuid, string messageUuid,
        ApiFailure failure, string requestId)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("type", "assistant");
        Envelope.WriteIdentity(w, ctx, uuid);
        w.WriteStartObject("message");
        w.WriteNull("diagnostics");
        w.WriteString("id", messageUuid);
        w.WriteNull("container");
        w.WriteString("model", "<synthetic>");
        w.WriteString("role", "assistant");
        w.WriteNull("stop_details");
        w.WriteString("stop_reason", "stop_sequence");
        w.WriteString("stop_sequence", string.Empty);
        w.WriteString("type", "message");
        w.WriteStartObject("usage");
        w.WriteNull("output_tokens_details");
        foreach (var key in (string[])["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"])
        {
            w.WriteNumber(key, 0);
        }

        w.WriteStartObject("server_tool_use");
        w.WriteNumber("web_search_requests", 0);
        w.WriteNumber("web_fetch_requests", 0);
        w.WriteEndObject();
        w.WriteNull("service_tier");
        w.WriteStartObject("cache_creation");
        w.WriteNumber("ephemeral_1h_input_tokens", 0);
        w.WriteNumber("ephemeral_5m_input_tokens", 0);
        w.WriteEndObject();
        foreach (var key in (string[])["inference_geo", "iterations", "speed", "fallback_credit"])
        {
            w.WriteNull(key);
        }

        w.WriteEndObject();
        w.WriteStartArray("content");
        AssistantLines.WriteBlock(w, ContentBlock.TextBlock(failure.SyntheticText));
        w.WriteEndArray();
        w.WriteNull("context_management");
        w.WriteEndObject();
        w.WriteString("requestId", requestId);
        w.WriteString("error", failure.ErrorCode);
        if (failure.Status == 400)
        {
            w.WriteString("errorDetails", failure.RawMessage(requestId));
        }

        w.WriteBoolean("isApiErrorMessage", true);
        if (failure.Status is { } status)
        {
            w.WriteNumber("apiErrorStatus", status);
            w.WriteString("apiErrorType", failure.ErrorType);
        }

        w.WriteNull("perTurnEffort");
        w.WriteBoolean("failedResponseHadNoToolCall", true);
        w.WriteString("madeBy", failure.Status == 400 ? "other" : "model");
        Envelope.WriteTail(w, ctx);
    }
}
