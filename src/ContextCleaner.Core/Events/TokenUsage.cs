namespace ContextCleaner.Core.Events;

/// <summary>
/// Token counts of one request, with cache writes split by lifetime because Anthropic bills a 1-hour write at
/// 2× the input price and a 5-minute write at 1.25×.
/// </summary>
/// <param name="Input">Uncached input tokens (<c>input_tokens</c>).</param>
/// <param name="Output">Output tokens (<c>output_tokens</c>).</param>
/// <param name="CacheRead">Cache hits (<c>cache_read_input_tokens</c>).</param>
/// <param name="CacheWrite5m">5-minute cache writes (<c>cache_creation.ephemeral_5m_input_tokens</c>).</param>
/// <param name="CacheWrite1h">1-hour cache writes (<c>cache_creation.ephemeral_1h_input_tokens</c>).</param>
public readonly record struct TokenUsage(long Input, long Output, long CacheRead, long CacheWrite5m, long CacheWrite1h)
{
    /// <summary>All cache writes (<c>cache_creation_input_tokens</c>).</summary>
    public long CacheWrite => CacheWrite5m + CacheWrite1h;

    /// <summary>Every input-side token: the quantity Anthropic compares with the long-context threshold.</summary>
    public long PromptTokens => Input + CacheRead + CacheWrite;

    /// <summary>All four kinds together, as ccusage's <c>totalTokens</c>.</summary>
    public long Total => Input + Output + CacheRead + CacheWrite;

    /// <summary>True when no token of any kind was used.</summary>
    public bool IsZero => Total == 0;

    /// <summary>Kind-by-kind sum.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.Input + b.Input, a.Output + b.Output, a.CacheRead + b.CacheRead, a.CacheWrite5m + b.CacheWrite5m, a.CacheWrite1h + b.CacheWrite1h);

    /// <summary>Kind-by-kind sum (named alternative to the operator).</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}
