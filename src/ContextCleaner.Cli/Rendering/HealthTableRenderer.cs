using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>A store's health for a person: what it is, what its tables hold, how fresh it is, and what to do about it.</summary>
internal static class HealthTableRenderer
{
    public static void Render(IAnsiConsole console, StoreHealth health, DateTime nowUtc)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Telemetry store health[/]").HideHeaders();
        summary.AddColumn("what");
        summary.AddColumn("value");
        summary.AddRow("Store", Markup.Escape(health.Store));
        summary.AddRow("Engine", Markup.Escape(health.Engine));
        summary.AddRow("Mode", Markup.Escape(health.Mode));
        summary.AddRow("Schema", Markup.Escape(health.Schema));
        summary.AddRow("Newest event", health.NewestEventUtc is { } newest ? $"{Time(newest)} [grey]({Ago(nowUtc - newest)})[/]" : "[yellow]none[/]");
        summary.AddRow("Metric points", MetricPoints(health.MetricPoints));
        console.Write(summary);

        var tables = new Table().Border(TableBorder.Rounded);
        tables.AddColumn("Table");
        tables.AddColumn(new TableColumn("Rows").RightAligned());
        tables.AddColumn("Newest (UTC)");
        foreach (var table in health.Tables)
        {
            tables.AddRow(Markup.Escape(table.Name),
                table.Present ? Display.Tokens(table.Rows ?? 0) : "[red]missing[/]",
                table.NewestUtc is { } time ? Time(time) : "[grey]-[/]");
        }

        console.Write(tables);
        if (health.Hints.Count == 0)
        {
            console.MarkupLine("[green]No hints: the store answers and receives data.[/]");
            return;
        }

        // A grid keeps a long hint that wraps indented under its own bullet.
        var hints = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        foreach (var hint in health.Hints)
        {
            hints.AddRow("[yellow]•[/]", Markup.Escape(hint));
        }

        console.MarkupLine("[bold]Hints[/]");
        console.Write(hints);
    }

    private static string MetricPoints(IReadOnlyDictionary<MetricTemporality, long> points)
    {
        if (points.Values.Sum() == 0)
        {
            return "[yellow]none[/]";
        }

        return string.Join(", ", points.Where(p => p.Value > 0).OrderBy(p => p.Key)
            .Select(p => $"{Display.Tokens(p.Value)} {MetricTemporalityNames.ToName(p.Key)}"));
    }

    private static string Ago(TimeSpan age) => age < TimeSpan.Zero ? "in the future: check the clocks" : StoreHealthHints.Age(age) + " ago";

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
