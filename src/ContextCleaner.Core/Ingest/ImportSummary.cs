namespace ContextCleaner.Core.Ingest;

/// <summary>Result of an import.</summary>
/// <param name="Location">Where transcripts were looked for.</param>
/// <param name="Statistics">Counters.</param>
/// <param name="Problems">Skipped files and lines (the first few per file).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record ImportSummary(ClaudeDataLocation Location, ImportStatistics Statistics, IReadOnlyList<ImportProblem> Problems, TimeSpan Elapsed);
