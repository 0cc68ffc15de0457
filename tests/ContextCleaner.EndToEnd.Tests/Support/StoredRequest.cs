namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>A row of the <c>requests</c> view (session and project resolved through its source) and its source's location.</summary>
internal sealed record StoredRequest(
    string? SessionId,
    string? Project,
    string? Model,
    long InputTokens,
    long OutputTokens,
    long CacheReadTokens,
    long CacheWrite5mTokens,
    long CacheWrite1hTokens,
    decimal? CostReportedUsd,
    decimal? CostComputedUsd,
    string? RequestId,
    string? SourceLocation);
