namespace ContextCleaner.Core.Ingest;

/// <summary>Receives the lines <see cref="LineReader"/> splits a file into.</summary>
internal interface ILineVisitor
{
    /// <summary>One line without its line end (<c>\n</c> or <c>\r\n</c>) or a leading byte-order mark.</summary>
    /// <param name="line">The bytes; valid only during the call.</param>
    /// <param name="offset">File offset of the line's first byte.</param>
    /// <param name="terminated">False for a last line without a line end (possibly still being written).</param>
    void Line(ReadOnlySpan<byte> line, long offset, bool terminated);

    /// <summary>A line longer than the reader accepts; its bytes were skipped.</summary>
    void Oversized(long offset, long length);
}
