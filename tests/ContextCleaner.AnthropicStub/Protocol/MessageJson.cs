using System.Buffers;
using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>Writes the Messages API's JSON objects (message, usage, content blocks, errors) in the API's field order.</summary>
internal static class MessageJson
{
    /// <summary>Serializes whatever <paramref name="write"/> writes into UTF-8 bytes.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A message object. With <paramref name="plan"/> null it is the <c>message_start</c> shell: no content, no
    /// stop reason, <c>output_tokens</c> 1 — the real API's opening numbers.
    /// </summary>
    public static void WriteMessage(Utf8JsonWriter writer, string id, string model, ReplyPlan? plan, StubUsage usage)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", "message");
        writer.WriteString("role", "assistant");
        writer.WriteString("model", model);
        writer.WriteStartArray("content");
        foreach (var block in plan?.Blocks ?? [])
        {
            WriteBlock(writer, block, complete: true);
        }

        writer.WriteEndArray();
        if (plan is null)
        {
            writer.WriteNull("stop_reason");
        }
        else
        {
            writer.WriteString("stop_reason", plan.StopReason);
        }

        writer.WriteNull("stop_sequence");
        writer.WritePropertyName("usage");
        WriteUsage(writer, usage, full: true);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Usage: <paramref name="full"/> adds the TTL breakdown (<c>cache_creation.ephemeral_5m_input_tokens</c>) and
    /// <c>service_tier</c>, as in <c>message_start</c> and JSON answers; <c>message_delta</c> carries the four counts.
    /// </summary>
    public static void WriteUsage(Utf8JsonWriter writer, StubUsage usage, bool full)
    {
        writer.WriteStartObject();
        writer.WriteNumber("input_tokens", usage.InputTokens);
        writer.WriteNumber("cache_creation_input_tokens", usage.CacheCreationInputTokens);
        writer.WriteNumber("cache_read_input_tokens", usage.CacheReadInputTokens);
        if (full)
        {
            writer.WriteStartObject("cache_creation");
            writer.WriteNumber("ephemeral_5m_input_tokens", usage.CacheCreationInputTokens);
            writer.WriteNumber("ephemeral_1h_input_tokens", 0);
            writer.WriteEndObject();
        }

        writer.WriteNumber("output_tokens", usage.OutputTokens);
        if (full)
        {
            writer.WriteString("service_tier", "standard");
        }

        writer.WriteEndObject();
    }

    /// <summary>A content block; when streaming starts (<paramref name="complete"/> false) text is empty and input <c>{}</c>.</summary>
    public static void WriteBlock(Utf8JsonWriter writer, ReplyBlock block, bool complete)
    {
        writer.WriteStartObject();
        writer.WriteString("type", block.Type);
        if (block.IsText)
        {
            writer.WriteString("text", complete ? block.Text : "");
        }
        else
        {
            writer.WriteString("id", block.Id);
            writer.WriteString("name", block.Name);
            writer.WritePropertyName("input");
            if (complete)
            {
                block.Input!.Value.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{"type":"error","error":{"type":…,"message":…},"request_id":…}</c>, the real API's error body.</summary>
    public static void WriteError(Utf8JsonWriter writer, ApiError error, string? requestId)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "error");
        writer.WriteStartObject("error");
        writer.WriteString("type", error.Type);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
        if (requestId is not null)
        {
            writer.WriteString("request_id", requestId);
        }

        writer.WriteEndObject();
    }
}
