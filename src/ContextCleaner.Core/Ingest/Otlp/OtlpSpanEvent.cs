namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>A span event (Claude Code: <c>gen_ai.request.attempt</c>, one per HTTP attempt).</summary>
/// <param name="TimeUnixNano">When it happened.</param>
/// <param name="Name">Event name.</param>
/// <param name="Attributes">Event attributes.</param>
public sealed record OtlpSpanEvent(ulong TimeUnixNano, string Name, OtlpAttributes Attributes);
