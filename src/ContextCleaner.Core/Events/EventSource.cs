namespace ContextCleaner.Core.Events;

/// <summary>Where an event came from.</summary>
public enum EventSource
{
    /// <summary>A Claude Code transcript (<c>~/.claude/projects/**/*.jsonl</c>).</summary>
    Transcript,

    /// <summary>Claude Code's OpenTelemetry export (OTLP/HTTP).</summary>
    Otlp,
}
