namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Lists every <c>*.jsonl</c> under the <c>projects/</c> folders in ordinal path order (the order that decides which
/// copy of a replayed request is the original), and counts entries that cannot be imported.
/// </summary>
internal static class TranscriptFileEnumerator
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
    };

    public static List<TranscriptFile> Enumerate(IReadOnlyList<string> projectDirectories, ImportStatistics statistics, List<ImportProblem> problems)
    {
        var files = new List<TranscriptFile>();
        foreach (var projects in projectDirectories)
        {
            foreach (var entry in new DirectoryInfo(projects).EnumerateFileSystemInfos("*.jsonl", Options))
            {
                if (entry is not FileInfo info)
                {
                    statistics.NotFiles++;
                    problems.Add(new ImportProblem(entry.FullName, null, "not a regular file"));
                    continue;
                }

                var (project, session) = Attribute(Path.GetRelativePath(projects, info.FullName));
                try
                {
                    files.Add(new TranscriptFile(info.FullName, project, session, info.Length, info.LastWriteTimeUtc));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A dangling symlink or a file removed while we enumerated.
                    statistics.FilesFound++;
                    statistics.FilesUnreadable++;
                    problems.Add(new ImportProblem(info.FullName, null, e.Message));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>Project and session of a path relative to <c>projects/</c> (ccusage's rule).</summary>
    internal static (string Project, string Session) Attribute(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar);
        var stem = Path.GetFileNameWithoutExtension(parts[^1]);
        return parts.Length switch
        {
            1 => (stem, stem),
            2 => (parts[0], stem),
            _ when parts[^2] == "subagents" && parts.Length >= 4 => (parts[0], parts[^3]),
            _ => (parts[0], parts[^2]),
        };
    }
}
