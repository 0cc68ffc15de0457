using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>User lines: typed prompts, tool results and compaction summaries.</summary>
internal static class UserLines
{
    public static void WritePrompt(Utf8JsonWriter w, LineContext ctx, string uuid, string text, int turnIndex)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("promptId", ctx.PromptId);
        w.WriteString("type", "user");
        w.WriteStartObject("message");
        w.WriteString("role", "user");
        w.WriteString("content", text);
        w.WriteEndObject();
        Envelope.WriteIdentity(w, ctx, uuid);
        w.WriteString("permissionMode", "default");
        w.WriteString("promptSource", "repl");
        w.WriteStartObject("turnPosition");
        w.WriteNumber("promptIndex", turnIndex);
        w.WriteNumber("turnIndex", 1);
        w.WriteEndObject();
        Envelope.WriteTail(w, ctx);
    }

    public static void WriteCompactSummary(Utf8JsonWriter w, LineContext ctx, string uuid, string summary)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("type", "user");
        w.WriteStartObject("message");
        w.WriteString("role", "user");
        w.WriteString("content", "This session is being continued from a previous conversation. Summary:\n" + summary);
        w.WriteEndObject();
        w.WriteBoolean("isVisibleInTranscriptOnly", true);
        w.WriteBoolean("isCompactSummary", true);
        Envelope.WriteIdentity(w, ctx, uuid);
        Envelope.WriteTail(w, ctx);
    }

    public static void WriteToolResult(Utf8JsonWriter w, LineContext ctx, string uuid, string toolUseId,
        ToolOutput output, string sourceAssistantUuid)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteString("promptId", ctx.PromptId);
        w.WriteString("type", "user");
        w.WriteStartObject("message");
        w.WriteString("role", "user");
        w.WriteStartArray("content");
        w.WriteStartObject();
        w.WriteString("tool_use_id", toolUseId);
        w.WriteString("type", "tool_result");
        w.WriteString("content", output.ResultText);
        if (output.IsError)
        {
            w.WriteBoolean("is_error", true);
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        Envelope.WriteIdentity(w, ctx, uuid);
        WriteToolUseResult(w, output);
        w.WriteString("sourceToolAssistantUUID", sourceAssistantUuid);
        w.WriteStartObject("permissionDecision");
        w.WriteString("decision", output.IsError ? "reject" : "accept");
        w.WriteString("source", "config");
        w.WriteString("reasonType", "rule");
        w.WriteEndObject();
        if (output.IsError)
        {
            w.WriteString("toolDenialKind", "user-rejected");
        }

        Envelope.WriteTail(w, ctx);
    }

    private static void WriteToolUseResult(Utf8JsonWriter w, ToolOutput o)
    {
        if (o.IsError)
        {
            w.WriteString("toolUseResult", "Error: " + o.ResultText);
            return;
        }

        w.WriteStartObject("toolUseResult");
        switch (o.ToolName)
        {
            case "Read":
                w.WriteString("type", "text");
                w.WriteStartObject("file");
                w.WriteString("filePath", o.Target);
                w.WriteString("content", o.Raw);
                var lines = 1 + o.Raw.Count(c => c == '\n');
                w.WriteNumber("numLines", lines);
                w.WriteNumber("startLine", 1);
                w.WriteNumber("totalLines", lines);
                w.WriteEndObject();
                break;
            case "Edit":
            case "Write":
                w.WriteString("type", o.ToolName == "Write" ? "create" : "update");
                w.WriteString("filePath", o.Target);
                w.WriteString("content", o.Raw);
                w.WriteStartArray("structuredPatch");
                w.WriteEndArray();
                w.WriteBoolean("userModified", false);
                break;
            case "Task":
                w.WriteString("status", "completed");
                w.WriteString("prompt", o.Target);
                w.WriteStartArray("content");
                AssistantLines.WriteBlock(w, ContentBlock.TextBlock(o.Raw));
                w.WriteEndArray();
                break;
            default:
                w.WriteString("stdout", o.Raw);
                w.WriteString("stderr", string.Empty);
                w.WriteBoolean("interrupted", false);
                w.WriteBoolean("isImage", false);
                break;
        }

        w.WriteEndObject();
    }
}
