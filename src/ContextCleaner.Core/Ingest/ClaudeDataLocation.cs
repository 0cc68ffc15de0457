namespace ContextCleaner.Core.Ingest;

/// <summary>Where transcripts were looked for and which <c>projects/</c> folders exist.</summary>
/// <param name="ProjectDirectories">Existing <c>projects/</c> folders to import.</param>
/// <param name="LookedIn">Every folder that was considered, for the "nothing found" message.</param>
/// <param name="Origin">What chose them (<c>--source</c>, <c>CLAUDE_CONFIG_DIR</c>, defaults).</param>
public sealed record ClaudeDataLocation(IReadOnlyList<string> ProjectDirectories, IReadOnlyList<string> LookedIn, string Origin)
{
    /// <summary>True when no folder holds transcripts.</summary>
    public bool IsEmpty => ProjectDirectories.Count == 0;

    /// <summary>One line saying where we looked and how to point elsewhere.</summary>
    public string NothingFoundMessage =>
        $"No Claude Code transcripts found (looked for projects/**/*.jsonl in {string.Join(", ", LookedIn)}; from {Origin}). "
        + "Set CLAUDE_CONFIG_DIR or pass --source DIR (a Claude config folder holding projects/).";
}
