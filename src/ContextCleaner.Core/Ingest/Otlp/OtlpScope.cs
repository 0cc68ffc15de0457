namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>The <c>InstrumentationScope</c> of a batch of records.</summary>
/// <param name="Name">Scope name (Claude Code: <c>com.anthropic.claude_code.events</c>, …).</param>
/// <param name="Version">Scope version.</param>
/// <param name="Attributes">Scope attributes.</param>
public sealed record OtlpScope(string? Name, string? Version, OtlpAttributes Attributes)
{
    /// <summary>An unnamed scope.</summary>
    public static OtlpScope None { get; } = new(null, null, OtlpAttributes.None);
}
