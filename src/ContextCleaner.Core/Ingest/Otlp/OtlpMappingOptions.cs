namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>How OTLP records become canonical events.</summary>
public sealed record OtlpMappingOptions
{
    /// <summary>
    /// Keep prompt, response and tool-content text (<c>prompt</c>, <c>response</c>, <c>tool_input</c>, …). Off by
    /// default; even when on, text Claude Code redacted (<c>&lt;REDACTED&gt;</c>) is never stored.
    /// </summary>
    public bool StoreContent { get; init; }
}
