namespace ContextCleaner.Core.Ingest;

/// <summary>The <c>type</c> of a transcript line, as far as analytics care.</summary>
internal enum LineType
{
    /// <summary>Absent or any other type (bookkeeping lines).</summary>
    Other,

    /// <summary><c>assistant</c>.</summary>
    Assistant,

    /// <summary><c>system</c>.</summary>
    System,
}
