namespace ContextCleaner.TestCorpus;

/// <summary>
/// Writes one API request: its api-request record, any retries, then one assistant line per content block (same
/// message.id, requestId and usage; ~1% of responses start with a partial-usage line), and records usage facts.
/// </summary>
internal static class RequestEmitter
{
    /// <summary>Returns null when the request finally failed (a synthetic error line was written).</summary>
    public static EmittedResponse? Emit(Chain c, long newTokens, bool wantTools, bool allowTask, bool forceFailure = false)
    {
        var rng = c.Rng;
        var ctx = c.Ctx;
        var requested = c.AltModel is not null && rng.Chance(0.15) ? c.AltModel : c.MainModel;
        var model = requested;
        ctx.Advance(rng, 150, 1500);
        var requestRef = c.NewUuid();
        if (c.Plan.Version.StartsWith("2.1.", StringComparison.Ordinal))
        {
            BookkeepingLines.WriteApiRequest(c.Begin(), ctx, rng, requestRef, requested, c.LastRequestRef, c.Plan.Thinking);
            c.Commit(Counter.BookkeepingLines, conversation: false);
            c.LastRequestRef = requestRef;
        }

        if (forceFailure || rng.Chance(0.025))
        {
            var outcome = RetrySimulator.Run(c, requested, forceFailure);
            if (outcome == RetryOutcome.Failed)
            {
                return null;
            }

            model = outcome == RetryOutcome.FellBack ? PriceList.Sonnet45 : model;
        }
        else if (rng.Chance(0.001))
        {
            RetrySimulator.WriteSynthetic(c, ApiFailure.PromptTooLong, Ids.RequestId(rng));
            return null;
        }

        ctx.Advance(rng, 800, 25_000);
        var blocks = BuildBlocks(c, model, wantTools, allowTask);
        var partial = rng.Chance(0.01);
        if (partial && blocks.Count < 2)
        {
            blocks.Insert(0, ContentBlock.TextBlock("Let me look at this."));
        }

        var output = OutputTokens(rng, blocks);
        var usage = c.Cache(model).Request(rng, newTokens, output, ctx.NowMs);
        var stop = wantTools ? "tool_use" : rng.Chance(0.02) ? "max_tokens" : "end_turn";
        var response = new AssistantResponse(Ids.MessageId(rng), Ids.RequestId(rng), requestRef, model, requested,
            blocks, usage, stop, c.Plan.OneHourCache ? "1h" : "5m");
        var uuids = new List<string>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var first = partial && i == 0;
            var lineUsage = first ? usage with { Output = rng.NextLong(1, usage.Output) } : usage;
            var uuid = c.NewUuid();
            AssistantLines.Write(c.Begin(), ctx, response, i, lineUsage, first ? null : stop, uuid);
            var line = c.Commit(Counter.AssistantLines);
            var fact = c.Fact(response, lineUsage);
            c.File.Facts.Add(fact);
            c.TurnLines.Add((line.ToArray(), fact));
            uuids.Add(uuid);
            ctx.ParentUuid = uuid;
            ctx.Advance(rng, 3, 400);
        }

        c.Counts.Add(Counter.MultiBlockResponses, blocks.Count > 1 ? 1 : 0);
        c.Counts.Add(Counter.PartialUsageLines, partial ? 1 : 0);
        c.AddCost(model, usage);
        return new EmittedResponse(response, uuids);
    }

    private static List<ContentBlock> BuildBlocks(Chain c, string model, bool wantTools, bool allowTask)
    {
        var rng = c.Rng;
        var blocks = new List<ContentBlock>(4);
        if (c.Plan.Thinking && model != PriceList.Haiku45 && rng.Chance(0.6))
        {
            var thought = Phrases.Prose(rng, (int)rng.LogUniform(150, 2500));
            blocks.Add(ContentBlock.ThinkingBlock(thought, Ids.Base64Like(rng, (int)rng.LogUniform(200, 1200))));
        }

        if (!wantTools || rng.Chance(0.6))
        {
            blocks.Add(ContentBlock.TextBlock(Phrases.Prose(rng, (int)(wantTools
                ? rng.LogUniform(30, 300)
                : rng.LogUniform(80, 2500)))));
        }

        if (wantTools)
        {
            var roll = rng.Next(0, 100);
            var tools = roll < 75 ? 1 : roll < 95 ? 2 : 3;
            for (var i = 0; i < tools; i++)
            {
                blocks.Add(ToolTraffic.NewToolUse(c, allowTask));
            }
        }

        return blocks;
    }

    private static long OutputTokens(Prng rng, List<ContentBlock> blocks)
    {
        long chars = 0;
        foreach (var block in blocks)
        {
            chars += block.Text.Length + (block.IsToolUse ? 120 : 0);
        }

        return (chars / 4) + rng.Next(5, 60);
    }
}
