namespace ContextCleaner.TestCorpus;

/// <summary>What <see cref="CorpusGenerator.Generate"/> wrote.</summary>
/// <param name="OutputDirectory">Absolute output directory (CLAUDE_CONFIG_DIR).</param>
/// <param name="GroundTruthPath">Absolute path of ground_truth.json.</param>
/// <param name="Counts">All corpus counters (files, bytes, lines, duplicates, API errors, …) in snake_case.</param>
/// <param name="TotalTokens">Sum of the four token kinds over counted requests.</param>
/// <param name="CostUsd">Total cost under Anthropic's billing rule.</param>
/// <param name="CostUsdCcusage">Total cost under ccusage 20's per-token-kind tier convention.</param>
public sealed record CorpusSummary(
    string OutputDirectory,
    string GroundTruthPath,
    IReadOnlyDictionary<string, long> Counts,
    long TotalTokens,
    decimal CostUsd,
    decimal CostUsdCcusage);
