namespace ContextCleaner.Core.Events;

/// <summary>
/// One canonical event: everything Claude Code produces (requests, errors and retries, tools, prompts) in one shape,
/// whatever the source. Identity is deterministic (<see cref="Id"/>), so writing the same event twice never counts it
/// twice.
/// </summary>
public sealed class TelemetryEvent
{
    /// <summary>Deterministic identity derived from the event's natural key (see <see cref="EventIdentity"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>What happened.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Where it was read.</summary>
    public required EventSource Source { get; init; }

    /// <summary>When it happened, UTC.</summary>
    public required DateTime TimestampUtc { get; init; }

    /// <summary>Claude Code session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>Project: the transcript folder under <c>projects/</c> (the sanitized working directory).</summary>
    public string? Project { get; init; }

    /// <summary>The model that answered (or was asked, for errors).</summary>
    public string? Model { get; init; }

    /// <summary>Token usage; zero for events without usage.</summary>
    public TokenUsage Tokens { get; init; }

    /// <summary>Cost as reported by the source (OTLP <c>cost_usd</c>, old transcripts' <c>costUSD</c>).</summary>
    public decimal? ReportedCostUsd { get; init; }

    /// <summary>Cost computed from <see cref="Tokens"/> with the price table; null when the model is unpriced.</summary>
    public decimal? ComputedCostUsd { get; set; }

    /// <summary>Request speed mode (<c>usage.speed</c>: <c>standard</c>, <c>fast</c>).</summary>
    public string? Speed { get; init; }

    /// <summary>Duration in milliseconds.</summary>
    public long? DurationMs { get; init; }

    /// <summary>HTTP status code of a failed request.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Error text (the API's message).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error type (<c>overloaded_error</c>, <c>rate_limit_error</c>, …).</summary>
    public string? ErrorType { get; init; }

    /// <summary>Attempt number of a failed request (1-based).</summary>
    public int? Attempt { get; init; }

    /// <summary>Backoff Claude Code waited before the next attempt; set only on retried failures.</summary>
    public long? RetryInMs { get; init; }

    /// <summary>Tool name of tool events.</summary>
    public string? ToolName { get; init; }

    /// <summary>Whether the tool call succeeded.</summary>
    public bool? ToolSuccess { get; init; }

    /// <summary>API message id (<c>msg_…</c>), when the source gives one; transcript requests carry it in <see cref="Id"/> and their source line.</summary>
    public string? MessageId { get; init; }

    /// <summary>API request id (<c>req_…</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>True for subagent (sidechain) traffic.</summary>
    public bool IsSidechain { get; init; }

    /// <summary>File or endpoint the event was read from, for tracing a number back to its input.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Byte offset of the source line in <see cref="SourcePath"/>.</summary>
    public long? SourceOffset { get; init; }

    /// <summary>Every other attribute, as text.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
