using System.Text;

namespace ContextCleaner.TestCorpus;

/// <summary>User prompts, assistant prose and thinking text.</summary>
internal static class Phrases
{
    private static readonly string[] PromptTemplates =
    [
        "Fix the failing test in the {0} module",
        "Refactor the {0} {1} code so it no longer allocates per call",
        "Why does the {0} import drop the last {1}? Look at the logs",
        "Add a --{0} option to the CLI and document it",
        "Write unit tests for {0}{1}Parser, including the edge cases with \"quotes\" and tabs",
        "Review my changes to the {0} service and suggest improvements",
        "Rename {1} to {0} everywhere — keep the public API stable",
        "Run the build and fix all warnings in the {0} project",
        "Explain how the {0} cache is invalidated when a {1} changes",
        "The {0} report is wrong for days after midnight UTC; find out why",
    ];

    private static readonly string[] Sentences =
    [
        "I'll start by reading the relevant files.",
        "Let me check how this is wired up.",
        "The failure comes from an off-by-one in the window calculation.",
        "I've updated the implementation and the tests now pass.",
        "There are two call sites that still use the old signature.",
        "This keeps the behaviour identical for existing callers.",
        "Next, I'll run the test suite to confirm nothing else broke.",
        "The cache key did not include the timezone, so entries collided.",
        "I removed the per-line allocation by reusing the buffer.",
        "Summary: the fix is in place and documented.",
    ];

    public static string Prompt(Prng rng)
    {
        var text = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            rng.Pick(PromptTemplates),
            TextPool.Word(rng),
            TextPool.Word(rng));
        return rng.Chance(0.2) ? text + ".\n\nContext: " + Prose(rng, 200) : text;
    }

    /// <summary>Assistant-style prose of roughly <paramref name="chars"/> characters.</summary>
    public static string Prose(Prng rng, int chars)
    {
        var sb = new StringBuilder(chars + 80);
        while (sb.Length < chars)
        {
            if (sb.Length > 0)
            {
                sb.Append(rng.Chance(0.2) ? "\n\n" : " ");
            }

            sb.Append(rng.Pick(Sentences));
            if (rng.Chance(0.1))
            {
                sb.Append(" See `").Append(TextPool.Word(rng)).Append(".cs`.");
            }
        }

        return sb.ToString();
    }

    public static string FilePath(Prng rng, string cwd)
    {
        var name = TextPool.Word(rng);
        return cwd + "/src/" + TextPool.Word(rng) + "/" + char.ToUpperInvariant(name[0]) + name[1..]
            + (rng.Chance(0.7) ? ".cs" : ".json");
    }

    public static string Command(Prng rng) => rng.Next(0, 4) switch
    {
        0 => "dotnet test --filter " + TextPool.Word(rng),
        1 => "git diff --stat HEAD~" + rng.Next(1, 5),
        2 => "rg -n \"" + TextPool.Word(rng) + "\" src/",
        _ => "dotnet build -c Release 2>&1 | tail -n 40",
    };
}
