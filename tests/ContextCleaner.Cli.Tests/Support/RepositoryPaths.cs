namespace ContextCleaner.Cli.Tests.Support;

/// <summary>Paths inside the repository, found from the test's base directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real Claude Code 2.1.328 transcripts shipped in samples/ (a Claude config folder).</summary>
    public static string Samples => Path.Combine(Root, "samples", "claude");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContextCleaner.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ContextCleaner.slnx not found above " + AppContext.BaseDirectory);
    }
}
