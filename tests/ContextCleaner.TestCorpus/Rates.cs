namespace ContextCleaner.TestCorpus;

/// <summary>USD per million tokens for each token kind.</summary>
internal sealed record Rates(decimal Input, decimal Output, decimal Write5m, decimal Write1h, decimal CacheRead);
