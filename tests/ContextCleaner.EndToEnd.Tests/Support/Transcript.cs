using System.Text.Json;
using Shouldly;

namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>
/// The transcript one <c>claude -p</c> run wrote: <c>$CLAUDE_CONFIG_DIR/projects/&lt;sanitized cwd&gt;/&lt;session&gt;.jsonl</c>
/// (claude-code-real-telemetry.md §7).
/// </summary>
internal sealed record Transcript(string Path, string ProjectFolder, string SessionId, decimal TotalCostUsd)
{
    public static Transcript Of(ClaudeCodeRun run)
    {
        var path = Directory.EnumerateFiles(System.IO.Path.Combine(run.ConfigDirectory, "projects"), "*.jsonl", SearchOption.AllDirectories)
            .ToList()
            .ShouldHaveSingleItem("one session, one transcript");
        return new Transcript(
            path,
            System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)!),
            System.IO.Path.GetFileNameWithoutExtension(path),
            LastCostState(path));
    }

    // cost-state is Claude Code's own running total for the session, written at exit; the last one counts (§7.1).
    private static decimal LastCostState(string path)
    {
        decimal? total = null;
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetString() == "cost-state")
            {
                total = root.GetProperty("totalCostUSD").GetDecimal();
            }
        }

        return total ?? throw new InvalidOperationException($"{path} has no cost-state line.");
    }
}
