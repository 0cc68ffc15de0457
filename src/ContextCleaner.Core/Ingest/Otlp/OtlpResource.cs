namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>The <c>Resource</c> a batch of records came from (Claude Code: service, version, OS).</summary>
/// <param name="Attributes">Resource attributes.</param>
public sealed record OtlpResource(OtlpAttributes Attributes)
{
    /// <summary>A resource without attributes.</summary>
    public static OtlpResource None { get; } = new(OtlpAttributes.None);
}
