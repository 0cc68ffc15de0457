namespace ContextCleaner.TestCorpus;

/// <summary>Writes one session file (plus its subagent files): resume replay, turns, cost-state, file defects.</summary>
internal sealed class SessionRunner(GenerationContext g, SessionPlan plan, Prng rng)
{
    public void Run()
    {
        if (plan.ResumeOf is { } original)
        {
            plan.StartMs = original.EndMs + rng.LogUniform(120_000, 2 * 86_400_000L);
        }

        using var file = g.Open(plan.RelativePath);
        g.Counts.Add(Counter.SessionFiles);
        var ctx = new LineContext(plan, isSidechain: false, agentId: null, plan.StartMs);
        var chain = new Chain(g, plan, file, ctx, rng, plan.MainModel, plan.AltModel, rng.Next(14_000, 24_000));
        if (plan.ResumeOf is not null)
        {
            Replay(chain, plan.ResumeOf);
            chain.Cache(plan.MainModel).Resume(plan.ResumeOf.FinalContext);
        }

        var garbageTurn = plan.GarbageLine ? rng.Next(1, Math.Max(2, plan.TargetLines / 10)) : -1;
        for (var turn = 0; chain.ConversationLines < plan.TargetLines && turn < 1000; turn++)
        {
            if (turn == garbageTurn)
            {
                FileDefects.WriteGarbage(chain);
            }

            TurnRunner.Run(chain, turn);
        }

        BookkeepingLines.WriteCostState(chain.Begin(), ctx, chain.CostUsd, plan.StartMs, chain.ModelUsage);
        chain.Commit(Counter.BookkeepingLines, conversation: false);
        if (plan.TruncatedTail)
        {
            FileDefects.WriteTruncated(chain);
        }

        plan.EndMs = ctx.NowMs;
        plan.FinalContext = chain.Cache(plan.MainModel).Context;
    }

    /// <summary>A resumed session starts with summary lines and byte-identical copies of the original's assistant lines.</summary>
    private void Replay(Chain chain, SessionPlan original)
    {
        g.Counts.Add(Counter.ResumedSessions);
        var summaries = rng.Next(1, 3);
        for (var i = 0; i < summaries; i++)
        {
            BookkeepingLines.WriteSummary(chain.Begin(), Phrases.Prompt(rng), chain.NewUuid());
            chain.Commit(Counter.SummaryLines, conversation: false);
        }

        foreach (var (line, fact) in original.Replay)
        {
            chain.File.WriteLine(line);
            chain.File.Facts.Add(fact with { SessionId = plan.SessionId, Project = plan.Project.DirName });
            g.Counts.Add(Counter.AssistantLines);
            g.Counts.Add(Counter.DuplicateLinesResumed);
        }

        original.Replay.Clear();
    }
}
