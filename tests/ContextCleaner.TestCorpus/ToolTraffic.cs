using System.Globalization;
using System.Text;

namespace ContextCleaner.TestCorpus;

/// <summary>tool_use blocks and the user tool_result lines that answer them (bodies of 200 B – 20 KB, stored twice).</summary>
internal static class ToolTraffic
{
    private static readonly string[] Tools = ["Read", "Bash", "Grep", "Edit", "Write", "Task"];
    private static readonly int[] Weights = [40, 25, 10, 12, 5, 6];

    public static ContentBlock NewToolUse(Chain c, bool allowTask)
    {
        var rng = c.Rng;
        string name;
        do
        {
            name = Tools[rng.PickWeighted(Weights)];
        }
        while (name == "Task" && !allowTask);
        var id = Ids.ToolUseId(rng);
        var path = Phrases.FilePath(rng, c.Ctx.Cwd);
        return name switch
        {
            "Read" => ContentBlock.ToolUse(id, name, Pair("file_path", path)),
            "Bash" => ContentBlock.ToolUse(id, name, Pair("command", Phrases.Command(rng)), Pair("description", "Run it")),
            "Grep" => ContentBlock.ToolUse(id, name, Pair("pattern", TextPool.Word(rng) + "\\w+"), Pair("path", c.Ctx.Cwd)),
            "Edit" => ContentBlock.ToolUse(id, name, Pair("file_path", path),
                Pair("old_string", c.G.Pool.Slice(rng, rng.Next(40, 400))),
                Pair("new_string", c.G.Pool.Slice(rng, rng.Next(40, 400)))),
            "Write" => ContentBlock.ToolUse(id, name, Pair("file_path", path), Pair("content", c.G.Pool.Slice(rng, rng.Next(100, 1500)))),
            _ => ContentBlock.ToolUse(id, name, Pair("description", "Investigate " + TextPool.Word(rng)),
                Pair("prompt", Phrases.Prompt(rng)), Pair("subagent_type", rng.Chance(0.5) ? "Explore" : "general-purpose")),
        };
    }

    /// <summary>Writes a tool_result line per tool_use block; returns the tokens they add to the context.</summary>
    public static long Answer(Chain c, EmittedResponse emitted)
    {
        var rng = c.Rng;
        long tokens = 0;
        var blocks = emitted.Response.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].IsToolUse)
            {
                continue;
            }

            c.Ctx.Advance(rng, 40, 20_000);
            var output = Run(c, blocks[i]);
            var uuid = c.NewUuid();
            UserLines.WriteToolResult(c.Begin(), c.Ctx, uuid, blocks[i].ToolId!, output, emitted.LineUuids[i]);
            c.Commit(Counter.UserLines);
            c.Ctx.ParentUuid = uuid;
            tokens += (output.ResultText.Length * 2 / 7) + 10;
        }

        if (c.Plan.LongContext && !c.Ctx.IsSidechain)
        {
            tokens += rng.LogUniform(2_000, 30_000);
        }

        return tokens;
    }

    private static ToolOutput Run(Chain c, ContentBlock block)
    {
        var rng = c.Rng;
        var name = block.ToolName!;
        var target = block.Input![0].Value;
        if (name is "Bash" or "Edit" or "Write" && rng.Chance(0.02))
        {
            return new ToolOutput(name, target, string.Empty, "The user doesn't want to proceed with this tool use.", IsError: true);
        }

        var body = c.G.Pool.Slice(rng, (int)rng.LogUniform(200, 20_000));
        return name switch
        {
            "Read" => new ToolOutput(name, target, body, Numbered(body)),
            "Edit" => new ToolOutput(name, target, body,
                "The file " + target + " has been updated. Here's the result of running `cat -n` on a snippet of the edited file:\n"
                + Numbered(body.Length > 1200 ? body[..1200] : body)),
            "Write" => new ToolOutput(name, target, body, "File created successfully at: " + target),
            "Task" => Task(c, block),
            _ => new ToolOutput(name, target, body, body),
        };
    }

    private static ToolOutput Task(Chain c, ContentBlock block)
    {
        var prompt = block.Input![1].Value;
        var summary = SidechainEmitter.Run(c, prompt);
        return new ToolOutput("Task", prompt, summary, summary);
    }

    private static string Numbered(string body)
    {
        var sb = new StringBuilder(body.Length + (body.Length / 8));
        var n = 1;
        foreach (var line in body.Split('\n'))
        {
            sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(line).Append('\n');
            n++;
        }

        return sb.ToString();
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
