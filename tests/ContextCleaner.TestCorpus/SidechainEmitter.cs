namespace ContextCleaner.TestCorpus;

/// <summary>
/// A Task-tool subagent run: isSidechain lines with their own message ids, either inside the main file (older
/// Claude Code) or in projects/&lt;project&gt;/&lt;session&gt;/subagents/agent-&lt;id&gt;.jsonl (newer); both count for the parent session.
/// </summary>
internal static class SidechainEmitter
{
    public static string Run(Chain parent, string prompt)
    {
        var rng = parent.Rng;
        var plan = parent.Plan;
        var inFile = rng.Chance(0.4);
        var agentId = "a" + Ids.HexString(rng, 16);
        var file = inFile
            ? parent.File
            : parent.G.Open("projects/" + plan.Project.DirName + "/" + plan.SessionId + "/subagents/agent-" + agentId + ".jsonl");
        var ctx = new LineContext(plan, true, agentId, parent.Ctx.NowMs) { PromptId = parent.Ctx.PromptId };
        var model = rng.Chance(0.35) ? PriceList.Haiku45 : plan.MainModel;
        var chain = new Chain(parent.G, plan, file, ctx, rng, model, null, rng.Next(6_000, 12_000));
        var uuid = chain.NewUuid();
        ctx.Advance(rng, 5, 50);
        UserLines.WritePrompt(chain.Begin(), ctx, uuid, prompt, 0);
        chain.Commit(Counter.UserLines);
        ctx.ParentUuid = uuid;
        long newTokens = (prompt.Length / 4) + 50;
        var steps = rng.Next(1, 5);
        var summary = "The agent finished without a final answer.";
        for (var s = 0; s < steps; s++)
        {
            var wantTools = s < steps - 1;
            var emitted = RequestEmitter.Emit(chain, newTokens, wantTools, allowTask: false);
            if (emitted is null)
            {
                break;
            }

            if (!wantTools)
            {
                summary = string.Join("\n", emitted.Response.Blocks.Where(b => b.Type == "text").Select(b => b.Text));
                break;
            }

            newTokens = ToolTraffic.Answer(chain, emitted);
        }

        parent.Ctx.NowMs = ctx.NowMs;
        if (!inFile)
        {
            file.Dispose();
            parent.Counts.Add(Counter.SubagentFiles);
        }

        return summary;
    }
}
