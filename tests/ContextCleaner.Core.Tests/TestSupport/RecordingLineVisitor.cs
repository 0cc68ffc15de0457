using ContextCleaner.Core.Ingest;

namespace ContextCleaner.Core.Tests.TestSupport;

/// <summary>Remembers every callback of <see cref="LineReader"/>, in order.</summary>
internal sealed class RecordingLineVisitor : ILineVisitor
{
    public List<RecordedLine> Lines { get; } = [];

    public List<(long Offset, long Length)> OversizedLines { get; } = [];

    /// <summary>Every callback in order, as text: <c>line@offset</c>, <c>line@offset(unterminated)</c> or <c>oversized@offset+length</c>.</summary>
    public List<string> Calls { get; } = [];

    public void Line(ReadOnlySpan<byte> line, long offset, bool terminated)
    {
        var recorded = new RecordedLine(line.ToArray(), offset, terminated);
        Lines.Add(recorded);
        Calls.Add($"{recorded.Text}@{offset}{(terminated ? "" : "(unterminated)")}");
    }

    public void Oversized(long offset, long length)
    {
        OversizedLines.Add((offset, length));
        Calls.Add($"oversized@{offset}+{length}");
    }
}
