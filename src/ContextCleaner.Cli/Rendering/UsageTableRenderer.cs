using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Usage reports as terminal tables.</summary>
internal static class UsageTableRenderer
{
    public static void Render(IAnsiConsole console, UsageReport report, bool breakdown, string title)
    {
        var session = report.Period == UsagePeriod.Session;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn(report.Period switch
        {
            UsagePeriod.Week => "Week",
            UsagePeriod.Month => "Month",
            UsagePeriod.Session => "Session",
            _ => "Date",
        });
        if (session)
        {
            table.AddColumn("Project");
        }

        table.AddColumn("Models");
        foreach (var name in new[] { "Input", "Output", "Cache Create", "Cache Read", "Total Tokens", "Cost (USD)" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        if (session)
        {
            table.AddColumn("Last Activity");
        }

        foreach (var row in report.Rows)
        {
            var models = string.Join("\n", row.ModelsUsed.Select(m => "- " + Display.ShortModel(m)));
            AddRow(table, session, Markup.Escape(session ? Shorten(row.Key) : row.Key), Markup.Escape(row.Project ?? ""), Markup.Escape(models),
                row.Tokens, row.CostUsd, session ? row.LastUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
            if (breakdown)
            {
                foreach (var model in row.Models)
                {
                    AddRow(table, session, "", "", $"[grey]└ {Markup.Escape(Display.ShortModel(model.Model))}[/]", model.Tokens, model.CostUsd, session ? "" : null);
                }
            }
        }

        table.AddEmptyRow();
        AddRow(table, session, "[yellow bold]Total[/]", "", "", report.Tokens, report.CostUsd, session ? "" : null);
        console.Write(table);
    }

    private static void AddRow(Table table, bool session, string key, string project, string models, TokenUsage tokens, decimal cost, string? last)
    {
        var cells = new List<string> { key };
        if (session)
        {
            cells.Add(project);
        }

        cells.AddRange([models, Display.Tokens(tokens.Input), Display.Tokens(tokens.Output), Display.Tokens(tokens.CacheWrite),
            Display.Tokens(tokens.CacheRead), Display.Tokens(tokens.Total), Display.Cost(cost)]);
        if (last is not null)
        {
            cells.Add(last);
        }

        table.AddRow(cells.ToArray());
    }

    private static string Shorten(string sessionId) => sessionId.Length > 8 ? sessionId[..8] + "…" : sessionId;
}
