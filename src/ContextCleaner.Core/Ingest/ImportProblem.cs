namespace ContextCleaner.Core.Ingest;

/// <summary>A line or file that was skipped, with where and why (shown with <c>--verbose</c>).</summary>
/// <param name="Path">File.</param>
/// <param name="Offset">Byte offset of the line, or null for the whole file.</param>
/// <param name="Reason">What was wrong.</param>
public sealed record ImportProblem(string Path, long? Offset, string Reason);
