namespace ContextCleaner.AnthropicStub;

/// <summary>
/// One request in the stub's timeline, recorded when it arrives (<see cref="StatusCode"/> null) and completed when
/// the answer has been sent or the client went away — the Python stub's per-request log, as a record.
/// </summary>
public sealed record StubRequestRecord
{
    /// <summary>Arrival time, from <see cref="AnthropicStubOptions.TimeProvider"/>.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path and query as sent, e.g. <c>/v1/messages?beta=true</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The endpoint that answered.</summary>
    public required StubRoute Route { get; init; }

    /// <summary>The <c>request-id</c> response header (<c>req_stub_</c> + 24 hex, as in the fixtures).</summary>
    public required string RequestId { get; init; }

    /// <summary>Request headers (lower-case names); <c>x-api-key</c> and <c>authorization</c> are truncated.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The request's <c>model</c>, when the body had one.</summary>
    public string? Model { get; init; }

    /// <summary>The request's <c>stream</c> flag (false when absent).</summary>
    public bool Stream { get; init; }

    /// <summary>The request's <c>max_tokens</c>, when present.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Number of entries in <c>messages</c>.</summary>
    public int MessageCount { get; init; }

    /// <summary>Number of entries in <c>tools</c>.</summary>
    public int ToolCount { get; init; }

    /// <summary>The fault applied (messages route only; <see cref="StubFault.Ok"/> for a normal answer).</summary>
    public StubFault? Fault { get; init; }

    /// <summary>The response status; null while the request is in flight; 499 when the client disconnected first.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True once the response was sent or abandoned.</summary>
    public bool IsCompleted => StatusCode is not null;

    /// <summary>True when the client went away (or the stub stopped) before the answer was complete.</summary>
    public bool ClientDisconnected { get; init; }

    /// <summary>The answer's message id (<c>msg_stub_…</c>) when a message was returned or started.</summary>
    public string? MessageId { get; init; }

    /// <summary>The answer's <c>stop_reason</c> (<c>end_turn</c> or <c>tool_use</c>).</summary>
    public string? StopReason { get; init; }

    /// <summary>The usage returned with the answer.</summary>
    public StubUsage? Usage { get; init; }

    /// <summary>Completion time, from <see cref="AnthropicStubOptions.TimeProvider"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
