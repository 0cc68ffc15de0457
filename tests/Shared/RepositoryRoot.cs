namespace ContextCleaner.Tests.Shared;

/// <summary>The repository, found from the test's base folder (the folder holding ContextCleaner.slnx).</summary>
internal static class RepositoryRoot
{
    private const string Marker = "ContextCleaner.slnx";

    public static string Path { get; } = Locate(AppContext.BaseDirectory);

    /// <summary>The real Claude Code 2.1.328 transcripts shipped in samples/ (a Claude config folder).</summary>
    public static string Samples => System.IO.Path.Combine(Path, "samples", "claude");

    /// <summary>The samples' <c>projects/</c> folder.</summary>
    public static string SampleProjects => System.IO.Path.Combine(Samples, "projects");

    /// <summary>
    /// Real OTLP bodies Claude Code 2.1.328 sent (copied from the shared fixtures): <c>otlp-json/</c>,
    /// <c>otlp-protobuf/</c> and <c>otlp-protobuf-decoded/</c> (each .pb decoded into the JSON exporter's shape), and
    /// <c>manifest.json</c> with per-file event, metric and span counts.
    /// </summary>
    public static string OtlpFixtures => System.IO.Path.Combine(Path, "tests", "data", "claude-code-2.1.328");

    private static string Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} in {start} or any parent folder.");
    }
}
