using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Lines Claude Code writes that carry no usage: queue, last-prompt, api-request, cost-state, summary, ….</summary>
internal static class BookkeepingLines
{
    private static readonly string[] Betas =
        ["claude-code-20250219", "interleaved-thinking-2025-05-14", "context-management-2025-06-27"];

    public static void WriteQueue(Utf8JsonWriter w, LineContext ctx, string operation, string? content)
    {
        w.WriteStartObject();
        w.WriteString("type", "queue-operation");
        w.WriteString("operation", operation);
        w.WriteString("timestamp", ctx.Timestamp);
        w.WriteString("sessionId", ctx.SessionId);
        if (content is not null)
        {
            w.WriteString("content", content);
        }

        w.WriteEndObject();
    }

    public static void WriteLastPrompt(Utf8JsonWriter w, LineContext ctx, string prompt)
    {
        w.WriteStartObject();
        w.WriteString("type", "last-prompt");
        w.WriteString("lastPrompt", prompt);
        w.WriteString("leafUuid", ctx.ParentUuid);
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteEndObject();
    }

    public static void WriteSummary(Utf8JsonWriter w, string summary, string leafUuid)
    {
        w.WriteStartObject();
        w.WriteString("type", "summary");
        w.WriteString("summary", summary);
        w.WriteString("leafUuid", leafUuid);
        w.WriteEndObject();
    }

    public static void WriteToolsUsed(Utf8JsonWriter w, LineContext ctx, IEnumerable<string> tools)
    {
        w.WriteStartObject();
        w.WriteString("type", "tools-used");
        w.WriteStartArray("tools");
        foreach (var tool in tools)
        {
            w.WriteStringValue(tool);
        }

        w.WriteEndArray();
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteEndObject();
    }

    public static void WriteApiRequest(Utf8JsonWriter w, LineContext ctx, Prng rng, string id, string model,
        string? baseId, bool thinking)
    {
        w.WriteStartObject();
        w.WriteString("type", "api-request");
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteString("id", id);
        w.WriteString("timestamp", ctx.Timestamp);
        w.WriteString("version", ctx.Version);
        w.WriteString("querySource", ctx.IsSidechain ? "agent:custom" : "repl_main_thread");
        w.WriteString("shapeHash", Ids.HexString(rng, 64));
        w.WriteStartObject("params");
        w.WriteString("model", model);
        w.WriteStartArray("betas");
        foreach (var beta in Betas)
        {
            w.WriteStringValue(beta);
        }

        w.WriteEndArray();
        w.WriteNumber("max_tokens", 32000);
        if (thinking)
        {
            w.WriteStartObject("thinking");
            w.WriteNumber("budget_tokens", 31999);
            w.WriteString("type", "enabled");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (baseId is not null)
        {
            w.WriteString("base", baseId);
        }

        w.WriteNumber("keep", baseId is null ? 0 : 1);
        w.WriteStartArray("tail");
        w.WriteStringValue(Ids.HexString(rng, 64));
        w.WriteEndArray();
        w.WriteString("requestDigest", Ids.HexString(rng, 64));
        w.WriteEndObject();
    }

    /// <summary>Cumulative session cost as Claude Code estimates it at process exit (not used by usage reports).</summary>
    public static void WriteCostState(Utf8JsonWriter w, LineContext ctx, decimal costUsd, long startMs,
        IReadOnlyDictionary<string, TokenUsage> modelUsage)
    {
        w.WriteStartObject();
        w.WriteString("type", "cost-state");
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteNumber("totalCostUSD", costUsd);
        w.WriteNumber("totalDuration", ctx.NowMs - startMs);
        w.WriteNumber("startTime", startMs);
        w.WriteStartObject("modelUsage");
        foreach (var (model, u) in modelUsage.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(model);
            w.WriteNumber("inputTokens", u.Input);
            w.WriteNumber("outputTokens", u.Output);
            w.WriteNumber("cacheReadInputTokens", u.CacheRead);
            w.WriteNumber("cacheCreationInputTokens", u.CacheCreation);
            w.WriteNumber("cacheCreationEphemeral5mInputTokens", u.Write5m);
            w.WriteNumber("cacheCreationEphemeral1hInputTokens", u.Write1h);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteBoolean("hasUnknownModelCost", false);
        w.WriteEndObject();
    }
}
