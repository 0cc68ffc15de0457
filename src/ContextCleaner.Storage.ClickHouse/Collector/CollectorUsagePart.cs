using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>One row of <see cref="CollectorUsageSql.Parts"/>: requests that share everything their price depends on.</summary>
internal sealed record CollectorUsagePart(
    long? Bucket,
    string? SessionId,
    string? Project,
    string? Model,
    string? Speed,
    DateOnly Day,
    int Tier,
    bool Reported,
    TokenUsage Tokens,
    long Requests,
    decimal ReportedCostUsd,
    DateTime FirstUtc,
    DateTime LastUtc);
