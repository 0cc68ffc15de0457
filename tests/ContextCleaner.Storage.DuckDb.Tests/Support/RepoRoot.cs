namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>The repository checkout the tests run from (the folder holding <c>ContextCleaner.slnx</c>).</summary>
internal static class RepoRoot
{
    private const string Marker = "ContextCleaner.slnx";

    /// <summary>Absolute path of the repository root.</summary>
    public static string FullPath { get; } = Locate(AppContext.BaseDirectory);

    /// <summary>The real Claude Code 2.1.328 transcripts shipped with the repository (a <c>projects/</c> folder).</summary>
    public static string SampleProjects => Path.Combine(FullPath, "samples", "claude", "projects");

    private static string Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} in {start} or any parent folder.");
    }
}
