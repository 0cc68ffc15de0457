namespace ContextCleaner.TestCorpus;

/// <summary>ccusage-shaped report documents (JSON text) to check; any of them may be omitted.</summary>
/// <param name="DailyJson">Output of <c>claude daily --json</c> (or the unified <c>daily --json</c>).</param>
/// <param name="SessionJson">Output of <c>claude session --json</c> (or the unified <c>session --json</c>).</param>
/// <param name="BlocksJson">Output of <c>claude blocks --json</c>.</param>
public sealed record UsageReports(string? DailyJson = null, string? SessionJson = null, string? BlocksJson = null);
