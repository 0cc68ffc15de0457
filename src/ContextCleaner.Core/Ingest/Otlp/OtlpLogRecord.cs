namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>One OTLP <c>LogRecord</c> with the resource and scope it was sent under.</summary>
/// <param name="Resource">The resource of its <c>ResourceLogs</c>.</param>
/// <param name="Scope">The scope of its <c>ScopeLogs</c>.</param>
/// <param name="TimeUnixNano">Event time (0 when unset).</param>
/// <param name="ObservedTimeUnixNano">Time the SDK observed it (0 when unset).</param>
/// <param name="SeverityNumber">Severity number (0 unspecified).</param>
/// <param name="SeverityText">Severity text.</param>
/// <param name="Body">The body (Claude Code: the string <c>claude_code.&lt;event&gt;</c>).</param>
/// <param name="Attributes">Record attributes.</param>
/// <param name="TraceId">Lowercase hex trace id, or null when absent or empty.</param>
/// <param name="SpanId">Lowercase hex span id, or null when absent or empty.</param>
/// <param name="EventName">The <c>event_name</c> field (proto 12), or null.</param>
public sealed record OtlpLogRecord(
    OtlpResource Resource,
    OtlpScope Scope,
    ulong TimeUnixNano,
    ulong ObservedTimeUnixNano,
    int SeverityNumber,
    string? SeverityText,
    OtlpValue Body,
    OtlpAttributes Attributes,
    string? TraceId,
    string? SpanId,
    string? EventName);
