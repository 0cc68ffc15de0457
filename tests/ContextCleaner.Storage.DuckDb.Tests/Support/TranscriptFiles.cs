namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>Writes transcript files under a <c>projects/</c> folder, in Claude Code's layout.</summary>
internal static class TranscriptFiles
{
    public const string Project = "-home-user-project";

    /// <summary>Path of session <paramref name="session"/>'s transcript in <see cref="Project"/>.</summary>
    public static string PathOf(string projectsDirectory, string session) => Path.Combine(projectsDirectory, Project, session + ".jsonl");

    /// <summary>Writes (or replaces) a transcript; returns its path.</summary>
    public static string Write(string projectsDirectory, string session, byte[] content)
    {
        var path = PathOf(projectsDirectory, session);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Appends to a transcript as Claude Code does while a session runs.</summary>
    public static void Append(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(content);
    }
}
