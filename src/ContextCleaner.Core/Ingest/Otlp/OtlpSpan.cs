namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>One OTLP <c>Span</c> with the resource and scope it was sent under.</summary>
/// <param name="Resource">The resource of its <c>ResourceSpans</c>.</param>
/// <param name="Scope">The scope of its <c>ScopeSpans</c>.</param>
/// <param name="TraceId">Lowercase hex trace id ("" when absent).</param>
/// <param name="SpanId">Lowercase hex span id ("" when absent).</param>
/// <param name="ParentSpanId">Lowercase hex parent span id, or null for a root span.</param>
/// <param name="Name">Span name (<c>claude_code.llm_request</c>, …).</param>
/// <param name="Kind">Span kind (0–5).</param>
/// <param name="StartTimeUnixNano">Start time.</param>
/// <param name="EndTimeUnixNano">End time.</param>
/// <param name="Attributes">Span attributes.</param>
/// <param name="Events">Span events.</param>
/// <param name="StatusCode">Status code: 0 unset, 1 ok, 2 error.</param>
/// <param name="StatusMessage">Status message, or null.</param>
public sealed record OtlpSpan(
    OtlpResource Resource,
    OtlpScope Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    ulong StartTimeUnixNano,
    ulong EndTimeUnixNano,
    OtlpAttributes Attributes,
    IReadOnlyList<OtlpSpanEvent> Events,
    int StatusCode,
    string? StatusMessage);
