namespace ContextCleaner.TestCorpus;

/// <summary>One .jsonl file being written, with the usage facts of its lines in line order.</summary>
internal sealed class TranscriptFile : IDisposable
{
    private readonly FileStream stream;
    private readonly CorpusCounts counts;
    private bool disposed;

    public TranscriptFile(string root, string relativePath, CorpusCounts counts)
    {
        RelativePath = relativePath;
        this.counts = counts;
        var full = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>Path under the output directory, '/'-separated (projects/...).</summary>
    public string RelativePath { get; }

    public List<UsageFact> Facts { get; } = [];

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        stream.Write(line);
        stream.WriteByte((byte)'\n');
        counts.Add(Counter.Lines);
        counts.Add(Counter.Bytes, line.Length + 1);
    }

    /// <summary>A last line without newline (a crash mid-write).</summary>
    public void WriteUnterminated(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        counts.Add(Counter.Lines);
        counts.Add(Counter.Bytes, bytes.Length);
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            stream.Dispose();
            counts.Add(Counter.Files);
        }
    }
}
