using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Writes assistant lines with real usage, in the field order of Claude Code 2.1.</summary>
internal static class AssistantLines
{
    public static void Write(Utf8JsonWriter w, LineContext ctx, AssistantResponse r, int blockIndex, TokenUsage usage,
        string? stopReason, string uuid)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteStartObject("message");
        w.WriteString("id", r.MessageId);
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", r.Model);
        w.WriteStartArray("content");
        WriteBlock(w, r.Blocks[blockIndex]);
        w.WriteEndArray();
        if (stopReason is null)
        {
            w.WriteNull("stop_reason");
        }
        else
        {
            w.WriteString("stop_reason", stopReason);
        }

        w.WriteNull("stop_sequence");
        WriteUsage(w, usage);
        w.WriteEndObject();
        if (r.Blocks[blockIndex].IsToolUse)
        {
            w.WriteNumber("toolInputStreamMs", (usage.Output % 97) + 1);
        }

        w.WriteNumber("apiBlockIndex", blockIndex);
        w.WriteString("requestId", r.RequestId);
        w.WriteString("requestRef", r.RequestRef);
        w.WriteString("requestedModel", r.RequestedModel);
        w.WriteString("promptCacheRequested", r.CacheTtl);
        w.WriteString("type", "assistant");
        Envelope.WriteIdentity(w, ctx, uuid);
        w.WriteNull("perTurnEffort");
        w.WriteString("madeBy", "model");
        Envelope.WriteTail(w, ctx);
    }

    public static void WriteBlock(Utf8JsonWriter w, ContentBlock block)
    {
        w.WriteStartObject();
        w.WriteString("type", block.Type);
        switch (block.Type)
        {
            case "thinking":
                w.WriteString("thinking", block.Text);
                w.WriteString("signature", block.Signature);
                break;
            case "tool_use":
                w.WriteString("id", block.ToolId);
                w.WriteString("name", block.ToolName);
                w.WriteStartObject("input");
                foreach (var (key, value) in block.Input ?? [])
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteString("text", block.Text);
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, TokenUsage u)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", u.Input);
        w.WriteNumber("cache_creation_input_tokens", u.CacheCreation);
        w.WriteNumber("cache_read_input_tokens", u.CacheRead);
        w.WriteNumber("output_tokens", u.Output);
        w.WriteStartObject("server_tool_use");
        w.WriteNumber("web_search_requests", 0);
        w.WriteNumber("web_fetch_requests", 0);
        w.WriteEndObject();
        w.WriteString("service_tier", "standard");
        w.WriteStartObject("cache_creation");
        w.WriteNumber("ephemeral_1h_input_tokens", u.Write1h);
        w.WriteNumber("ephemeral_5m_input_tokens", u.Write5m);
        w.WriteEndObject();
        w.WriteString("inference_geo", string.Empty);
        w.WriteStartArray("iterations");
        w.WriteEndArray();
        w.WriteString("speed", "standard");
        w.WriteEndObject();
    }
}
