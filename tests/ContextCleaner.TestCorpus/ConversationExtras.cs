using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Conversation-tree lines without usage: attachments and the compaction boundary.</summary>
internal static class ConversationExtras
{
    public static void WriteAttachment(Utf8JsonWriter w, LineContext ctx, string uuid, string kind, string key,
        string value, string text)
    {
        Envelope.WriteHead(w, ctx);
        w.WriteStartObject("attachment");
        w.WriteString("type", kind);
        w.WriteString(key, value);
        w.WriteEndObject();
        w.WriteString("type", "attachment");
        Envelope.WriteIdentity(w, ctx, uuid);
        w.WriteStartArray("rendered");
        w.WriteStartObject();
        w.WriteString("content", "<system-reminder>\n" + text + "\n</system-reminder>");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("renderedRole", "system");
        Envelope.WriteTail(w, ctx);
    }

    public static void WriteCompactBoundary(Utf8JsonWriter w, LineContext ctx, string uuid, string trigger, long preTokens)
    {
        w.WriteStartObject();
        w.WriteNull("parentUuid");
        w.WriteString("logicalParentUuid", ctx.ParentUuid);
        w.WriteBoolean("isSidechain", ctx.IsSidechain);
        w.WriteString("type", "system");
        w.WriteString("subtype", "compact_boundary");
        w.WriteString("content", "Conversation compacted");
        w.WriteBoolean("isMeta", false);
        w.WriteString("level", "info");
        w.WriteStartObject("compactMetadata");
        w.WriteString("trigger", trigger);
        w.WriteNumber("preTokens", preTokens);
        w.WriteEndObject();
        Envelope.WriteIdentity(w, ctx, uuid);
        w.WriteString("userType", "external");
        w.WriteString("entrypoint", "cli");
        w.WriteString("cwd", ctx.Cwd);
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteString("version", ctx.Version);
        w.WriteString("gitBranch", ctx.GitBranch);
        w.WriteEndObject();
    }
}
