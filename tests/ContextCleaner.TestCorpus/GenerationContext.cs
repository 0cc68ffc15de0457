namespace ContextCleaner.TestCorpus;

/// <summary>State shared by all sessions of one generation run.</summary>
internal sealed class GenerationContext(string root, TextPool pool) : IDisposable
{
    public string Root { get; } = root;

    public TextPool Pool { get; } = pool;

    public CorpusCounts Counts { get; } = new();

    public JsonLine Json { get; } = new();

    /// <summary>Every file written, for the ordinal-path-order fold of the ground truth.</summary>
    public List<TranscriptFile> Files { get; } = [];

    public TranscriptFile Open(string relativePath)
    {
        var file = new TranscriptFile(Root, relativePath, Counts);
        Files.Add(file);
        return file;
    }

    public void Dispose() => Json.Dispose();
}
