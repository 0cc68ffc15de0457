namespace ContextCleaner.TestCorpus;

/// <summary>
/// One user turn of the main thread: prompt, the request/tool loop, bookkeeping, duplicates, and compaction (auto at
/// the context limit, or a manual /compact).
/// </summary>
internal static class TurnRunner
{
    private const int ReplayKeep = 12;

    public static void Run(Chain c, int turn)
    {
        var rng = c.Rng;
        var ctx = c.Ctx;
        var prompt = Phrases.Prompt(rng);
        ctx.PromptId = c.NewUuid();
        WriteQueue(c, "enqueue", prompt);
        ctx.Advance(rng, 1, 40);
        WriteQueue(c, "dequeue", null);
        ctx.Advance(rng, 20, 200);
        var uuid = c.NewUuid();
        UserLines.WritePrompt(c.Begin(), ctx, uuid, prompt, turn);
        c.Commit(Counter.UserLines);
        ctx.ParentUuid = uuid;
        if (turn == 0)
        {
            var day = IsoTime.Day(ctx.NowMs);
            WriteAttachment(c, "date", "date", day, "Today's date is " + day + ".");
        }

        if (rng.Chance(0.3))
        {
            var text = "<total_tokens>" + rng.Next(100_000, 15_000_000) + " tokens left</total_tokens>";
            WriteAttachment(c, "total_tokens_reminder", "text", text, text);
        }

        long newTokens = (prompt.Length / 4) + rng.Next(20, 900);
        if (c.Plan.LongContext)
        {
            newTokens += turn == 0 ? rng.Next(80_000, 180_000) : rng.LogUniform(2_000, 30_000);
        }

        c.TurnLines.Clear();
        var tools = new SortedSet<string>(StringComparer.Ordinal);
        var steps = rng.Next(1, 7);
        for (var s = 0; s < steps; s++)
        {
            var wantTools = s < steps - 1;
            var forceFailure = c.Plan.ForcedApiFailure && turn == 1 && s == 0;
            var emitted = RequestEmitter.Emit(c, newTokens, wantTools, allowTask: true, forceFailure);
            if (emitted is null || !wantTools)
            {
                break;
            }

            tools.UnionWith(emitted.Response.Blocks.Where(b => b.IsToolUse).Select(b => b.ToolName!));
            newTokens = ToolTraffic.Answer(c, emitted);
        }

        BookkeepingLines.WriteLastPrompt(c.Begin(), ctx, prompt);
        c.Commit(Counter.BookkeepingLines, conversation: false);
        if (tools.Count > 0 && rng.Chance(0.5))
        {
            BookkeepingLines.WriteToolsUsed(c.Begin(), ctx, tools);
            c.Commit(Counter.BookkeepingLines, conversation: false);
        }

        Duplicate(c);
        if (c.Plan.WillBeResumed)
        {
            c.Plan.Replay.AddRange(c.TurnLines);
            c.Plan.Replay.RemoveRange(0, Math.Max(0, c.Plan.Replay.Count - ReplayKeep));
        }

        Compact(c);
        ctx.NowMs += ThinkTime(rng, c.Plan);
    }

    /// <summary>~2% of the turn's assistant lines are written again, byte-identical, later in the file.</summary>
    private static void Duplicate(Chain c)
    {
        foreach (var (line, fact) in c.TurnLines)
        {
            if (c.Rng.Chance(0.02))
            {
                c.File.WriteLine(line);
                c.File.Facts.Add(fact);
                c.Counts.Add(Counter.AssistantLines);
                c.Counts.Add(Counter.DuplicateLinesInFile);
                c.ConversationLines++;
            }
        }
    }

    private static void Compact(Chain c)
    {
        var limit = c.Plan.LongContext ? c.Rng.Next(650_000, 900_000) : c.Rng.Next(120_000, 160_000);
        var main = c.Cache(c.MainModel);
        var manual = main.Context > 60_000 && c.Rng.Chance(0.03);
        if (main.Context <= limit && !manual)
        {
            return;
        }

        c.Ctx.Advance(c.Rng, 20_000, 90_000);
        var boundary = c.NewUuid();
        ConversationExtras.WriteCompactBoundary(c.Begin(), c.Ctx, boundary, manual ? "manual" : "auto", main.Context);
        c.Commit(Counter.CompactBoundaries);
        c.Ctx.ParentUuid = boundary;
        var summary = Phrases.Prose(c.Rng, c.Rng.Next(1500, 6000));
        var uuid = c.NewUuid();
        UserLines.WriteCompactSummary(c.Begin(), c.Ctx, uuid, summary);
        c.Commit(Counter.UserLines);
        c.Ctx.ParentUuid = uuid;
        foreach (var cache in c.Caches)
        {
            cache.Compact(summary.Length / 4);
        }
    }

    /// <summary>Pause before the next prompt; long-context sessions have more breaks that outlive the cache TTL.</summary>
    private static long ThinkTime(Prng rng, SessionPlan plan)
    {
        if (plan.LongContext && rng.Chance(0.15))
        {
            var ttl = plan.OneHourCache ? 3_600_000L : 300_000L;
            return rng.LogUniform(ttl + 60_000, 3 * ttl);
        }

        var roll = rng.Next(0, 100);
        return roll < 80 ? rng.LogUniform(5_000, 360_000)
            : roll < 97 ? rng.LogUniform(360_000, 3_000_000)
            : rng.LogUniform(3_600_000, 36_000_000);
    }

    private static void WriteQueue(Chain c, string operation, string? content)
    {
        BookkeepingLines.WriteQueue(c.Begin(), c.Ctx, operation, content);
        c.Commit(Counter.BookkeepingLines, conversation: false);
    }

    private static void WriteAttachment(Chain c, string kind, string key, string value, string text)
    {
        var uuid = c.NewUuid();
        ConversationExtras.WriteAttachment(c.Begin(), c.Ctx, uuid, kind, key, value, text);
        c.Commit(Counter.BookkeepingLines);
        c.Ctx.ParentUuid = uuid;
    }
}
