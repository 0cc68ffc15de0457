namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Finds transcript folders the way ccusage does, so users see the same data: <c>--source</c> folders if given;
/// else <c>CLAUDE_CONFIG_DIR</c> (comma-separated; when set it replaces the defaults); else
/// <c>$XDG_CONFIG_HOME/claude</c> (default <c>~/.config/claude</c>) and <c>~/.claude</c>. Each entry is a Claude config
/// folder holding <c>projects/</c>, or a <c>projects/</c> folder itself.
/// </summary>
public static class ClaudeDataLocator
{
    /// <summary>Locates transcript folders; <paramref name="getEnvironmentVariable"/> reads the environment.</summary>
    public static ClaudeDataLocation Locate(IReadOnlyList<string> explicitSources, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(explicitSources);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var home = getEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        IEnumerable<string> candidates;
        string origin;
        if (explicitSources.Count > 0)
        {
            candidates = explicitSources;
            origin = "--source";
        }
        else if (getEnvironmentVariable("CLAUDE_CONFIG_DIR") is { Length: > 0 } configDirs)
        {
            candidates = configDirs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            origin = "CLAUDE_CONFIG_DIR";
        }
        else
        {
            var xdg = getEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".config");
            candidates = [Path.Combine(xdg, "claude"), Path.Combine(home, ".claude")];
            origin = "the default locations";
        }

        var found = new List<string>();
        var looked = new List<string>();
        foreach (var candidate in candidates)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(ExpandHome(candidate, home)));
            var projects = Path.GetFileName(root) == "projects" ? root : Path.Combine(root, "projects");
            looked.Add(projects);
            if (Directory.Exists(projects) && !found.Contains(projects, StringComparer.Ordinal))
            {
                found.Add(projects);
            }
        }

        return new ClaudeDataLocation(found, looked, origin);
    }

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
