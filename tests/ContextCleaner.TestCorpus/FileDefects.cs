namespace ContextCleaner.TestCorpus;

/// <summary>Damage real transcript directories show: blank or garbage lines, and a last line cut mid-write.</summary>
internal static class FileDefects
{
    public static void WriteGarbage(Chain c)
    {
        var rng = c.Rng;
        switch (rng.Next(0, 3))
        {
            case 0:
                c.File.WriteLine([]);
                c.Counts.Add(Counter.BlankLines);
                break;
            case 1:
                c.File.WriteLine("  \t "u8);
                c.Counts.Add(Counter.BlankLines);
                break;
            default:
                var source = c.TurnLines.Count > 0 ? c.TurnLines[^1].Line : "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_01"u8.ToArray();
                var cut = rng.Next(source.Length * 3 / 10, Math.Max((source.Length * 3 / 10) + 1, source.Length * 8 / 10));
                c.File.WriteLine(source.AsSpan(0, Math.Min(cut, source.Length - 1)));
                c.Counts.Add(Counter.GarbageLines);
                break;
        }
    }

    /// <summary>An assistant line with fresh ids (its request appears nowhere else), cut short, without newline.</summary>
    public static void WriteTruncated(Chain c)
    {
        var rng = c.Rng;
        c.Ctx.Advance(rng, 500, 20_000);
        var usage = new TokenUsage(rng.Next(1, 10), rng.Next(10, 900), rng.Next(0, 5_000), 0, rng.Next(10_000, 90_000));
        var block = ContentBlock.TextBlock(Phrases.Prose(rng, rng.Next(50, 600)));
        var response = new AssistantResponse(Ids.MessageId(rng), Ids.RequestId(rng), c.NewUuid(), c.MainModel,
            c.MainModel, [block], usage, "end_turn", "5m");
        AssistantLines.Write(c.Begin(), c.Ctx, response, 0, usage, "end_turn", c.NewUuid());
        var line = c.G.Json.End();
        var cut = rng.Next(line.Length * 4 / 10, line.Length - 1);
        c.File.WriteUnterminated(line[..cut]);
        c.Counts.Add(Counter.MalformedLines);
    }
}
