using System.Globalization;
using ContextCleaner.Core.Analytics;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Billing blocks as a terminal table; the active block also shows burn rate and projection.</summary>
internal static class BlocksTableRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<BillingBlock> blocks, long? tokenLimit, DateTime nowUtc)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Claude Code usage — 5-hour billing blocks (UTC)[/]");
        table.AddColumn("Block Start");
        table.AddColumn("Duration/Status");
        table.AddColumn("Models");
        table.AddColumn(new TableColumn("Tokens").RightAligned());
        if (tokenLimit is not null)
        {
            table.AddColumn(new TableColumn("%").RightAligned());
        }

        table.AddColumn(new TableColumn("Cost (USD)").RightAligned());
        foreach (var block in blocks)
        {
            var start = block.StartUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var status = block.IsGap ? $"[grey]gap ({Hours(block.EndUtc - block.StartUtc)})[/]"
                : block.IsActive ? $"[green]ACTIVE[/] ({Hours(nowUtc - block.StartUtc)} elapsed, {Hours(block.EndUtc - nowUtc)} left)"
                : Hours((block.ActualEndUtc ?? block.StartUtc) - block.StartUtc);
            var cells = new List<string>
            {
                start, status, Markup.Escape(string.Join("\n", block.Models.Select(Display.ShortModel))), block.IsGap ? "" : Display.Tokens(block.Tokens.Total),
            };
            if (tokenLimit is { } limit)
            {
                cells.Add(block.IsGap ? "" : (block.Tokens.Total * 100.0 / limit).ToString("0.0", CultureInfo.InvariantCulture) + "%");
            }

            cells.Add(block.IsGap ? "" : Display.Cost(block.CostUsd));
            table.AddRow(cells.ToArray());
            if (block.BurnRate is { } rate && block.Projection is { } projection)
            {
                var burn = $"[grey]burn {rate.TokensPerMinute.ToString("N0", CultureInfo.InvariantCulture)} tokens/min, {Display.Cost((decimal)rate.CostPerHour)}/h; projected[/]";
                var projected = new List<string> { "", burn, "", Display.Tokens(projection.TotalTokens) };
                if (tokenLimit is { } l)
                {
                    var status2 = TokenLimitStatus.For(block, l);
                    var color = status2.Status switch { "exceeds" => "red", "warning" => "yellow", _ => "green" };
                    projected.Add($"[{color}]{status2.PercentUsed.ToString("0.0", CultureInfo.InvariantCulture)}%[/]");
                }

                projected.Add(Display.Cost(projection.TotalCostUsd));
                table.AddRow(projected.ToArray());
            }
        }

        console.Write(table);
    }

    private static string Hours(TimeSpan span) =>
        span < TimeSpan.Zero ? "0m" : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : $"{span.Minutes}m";
}
