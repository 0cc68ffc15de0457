using System.Text;

namespace ContextCleaner.TestCorpus;

/// <summary>Creates distinct project working directories and their sanitized directory names.</summary>
internal static class ProjectCatalog
{
    private static readonly string[] Heads =
        ["billing", "ledger", "atlas", "pricing", "auth", "search", "ingest", "web", "mobile", "infra", "docs", "ml"];

    private static readonly string[] Tails = ["api", "service", "ui", "worker", "pipeline", "tool", "sdk", "cli"];

    private static readonly string[] Separators = ["-", "_", ".", ""];

    private static readonly string[] Roots = ["/home/dev/src/", "/home/dev/work/", "/srv/repos/"];

    public static IReadOnlyList<ProjectInfo> Create(Prng rng, int count)
    {
        var list = new List<ProjectInfo>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (list.Count < count)
        {
            var name = rng.Pick(Heads) + rng.Pick(Separators) + rng.Pick(Tails);
            if (rng.Chance(0.3) || seen.Count >= Heads.Length * Tails.Length)
            {
                name += rng.Next(2, 100);
            }

            var cwd = rng.Pick(Roots) + name;
            var dir = Sanitize(cwd);
            if (seen.Add(dir))
            {
                list.Add(new ProjectInfo(cwd, dir));
            }
        }

        return list;
    }

    /// <summary>Claude Code's rule: every non-alphanumeric character becomes '-'.</summary>
    public static string Sanitize(string path)
    {
        var sb = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString();
    }
}
