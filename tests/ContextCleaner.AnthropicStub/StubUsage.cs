namespace ContextCleaner.AnthropicStub;

/// <summary>The usage the stub reported for one answer (the final <c>message_delta</c> usage when streaming).</summary>
/// <param name="InputTokens">Uncached input tokens.</param>
/// <param name="CacheCreationInputTokens">Tokens written to the cache (also sent as <c>cache_creation.ephemeral_5m_input_tokens</c>).</param>
/// <param name="CacheReadInputTokens">Tokens read from the cache (a system prompt this stub has seen before).</param>
/// <param name="OutputTokens">Output tokens.</param>
public sealed record StubUsage(
    int InputTokens,
    int CacheCreationInputTokens,
    int CacheReadInputTokens,
    int OutputTokens);
