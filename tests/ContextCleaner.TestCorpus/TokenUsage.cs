namespace ContextCleaner.TestCorpus;

/// <summary>The token counts of one API response (message.usage), split by kind.</summary>
internal readonly record struct TokenUsage(long Input, long Output, long Write5m, long Write1h, long CacheRead)
{
    /// <summary>cache_creation_input_tokens = 5-minute + 1-hour cache writes.</summary>
    public long CacheCreation => Write5m + Write1h;

    /// <summary>Prompt size as Anthropic counts it for the long-context rule.</summary>
    public long Prompt => Input + CacheRead + CacheCreation;

    public long Total => Prompt + Output;
}
