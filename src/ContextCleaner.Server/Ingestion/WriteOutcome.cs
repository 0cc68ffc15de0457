namespace ContextCleaner.Server.Ingestion;

/// <summary>The answer to one submitted batch.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why it did not commit (one line), or null.</param>
internal readonly record struct WriteOutcome(WriteStatus Status, string? Reason = null)
{
    /// <summary>A committed batch.</summary>
    public static WriteOutcome Committed { get; } = new(WriteStatus.Committed);
}
