namespace ContextCleaner.TestCorpus;

/// <summary>
/// Usage model of one conversation chain on one model: the prompt is the whole context so far plus the new part;
/// the cached prefix is read back (if the cache has not expired), the rest is written to the cache except a small
/// uncached tail (input_tokens). The response's output joins the context for the next call.
/// </summary>
internal sealed class PromptCache(long systemPrefix, bool oneHour)
{
    private readonly long prefix = systemPrefix;
    private long cached;
    private long lastMs = long.MinValue / 2;

    /// <summary>Tokens already in the conversation (what the next prompt starts with).</summary>
    public long Context { get; private set; } = systemPrefix;

    public TokenUsage Request(Prng rng, long newTokens, long output, long nowMs)
    {
        var ttlMs = oneHour ? 3_600_000L : 300_000L;
        if (nowMs - lastMs > ttlMs)
        {
            cached = 0;
        }

        var prompt = Context + Math.Max(1, newTokens);
        var tail = rng.Chance(0.85) ? rng.Next(1, 12) : rng.LogUniform(20, 3000);
        var input = Math.Max(1, Math.Min(tail, prompt - cached));
        var read = Math.Min(cached, prompt - input);
        var write = prompt - input - read;
        long write1h = 0;
        if (oneHour)
        {
            write1h = rng.Chance(0.3) ? write * rng.Next(1, 10) / 10 : write;
        }

        cached = read + write;
        Context = prompt + output;
        lastMs = nowMs;
        return new TokenUsage(input, output, write - write1h, write1h, read);
    }

    /// <summary>A resumed conversation: the whole earlier context is sent again and nothing is cached yet.</summary>
    public void Resume(long context)
    {
        Context = Math.Max(Context, context);
        cached = 0;
    }

    /// <summary>Auto-compaction: the conversation is replaced by a summary; only the system prefix stays cached.</summary>
    public void Compact(long summaryTokens)
    {
        Context = prefix + summaryTokens;
        cached = Math.Min(cached, prefix);
    }
}
