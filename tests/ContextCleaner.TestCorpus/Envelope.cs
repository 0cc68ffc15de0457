using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>The fields every conversation line (user, assistant, system, attachment) carries, in Claude Code's order.</summary>
internal static class Envelope
{
    public static void WriteHead(Utf8JsonWriter w, LineContext ctx)
    {
        w.WriteStartObject();
        if (ctx.ParentUuid is null)
        {
            w.WriteNull("parentUuid");
        }
        else
        {
            w.WriteString("parentUuid", ctx.ParentUuid);
        }

        w.WriteBoolean("isSidechain", ctx.IsSidechain);
        if (ctx.AgentId is not null)
        {
            w.WriteString("agentId", ctx.AgentId);
        }
    }

    /// <summary>Writes uuid and timestamp.</summary>
    public static void WriteIdentity(Utf8JsonWriter w, LineContext ctx, string uuid)
    {
        w.WriteString("uuid", uuid);
        w.WriteString("timestamp", ctx.Timestamp);
    }

    public static void WriteTail(Utf8JsonWriter w, LineContext ctx)
    {
        w.WriteString("userType", "external");
        w.WriteString("entrypoint", "cli");
        w.WriteString("cwd", ctx.Cwd);
        w.WriteString("sessionId", ctx.SessionId);
        w.WriteString("version", ctx.Version);
        w.WriteString("gitBranch", ctx.GitBranch);
        w.WriteEndObject();
    }
}
