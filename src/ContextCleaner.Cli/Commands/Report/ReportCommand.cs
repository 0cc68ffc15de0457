using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>What every report does first: open the store, import what is new (unless <c>--no-import</c>), then report.</summary>
internal abstract class ReportCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : ReportSettings
{
    protected CliEnvironment Environment { get; } = environment;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        // Opening and importing overlap when the store is new: the import reads transcripts while the store is created.
        await using var session = StoreSession.Begin(settings, Environment, cancellationToken);
        if (!settings.NoImport)
        {
            var summary = await session.ImportAsync(settings, requireData: false, cancellationToken);
            if (summary is not null && (settings.Verbose || (Environment.ErrorIsInteractive && summary.Statistics.BytesRead > 0)))
            {
                Environment.Error.MarkupLine($"[grey]{Markup.Escape(ImportSummaryRenderer.OneLine(summary))}[/]");
            }
        }

        await session.ReadyAsync();
        Trace.Mark("imported");
        var exit = await ReportAsync(session.Store, settings, cancellationToken);
        Trace.Mark("reported");
        return exit;
    }

    protected abstract Task<int> ReportAsync(ITelemetryStore store, TSettings settings, CancellationToken cancellationToken);

    protected static ReportRequest Request(TSettings settings, UsagePeriod period) => new()
    {
        Period = period,
        TimeZone = settings.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Local,
        Since = settings.SinceDate,
        Until = settings.UntilDate,
        Project = settings.Project,
        Mode = settings.Mode switch
        {
            "calculate" => CostMode.Calculate,
            "display" => CostMode.Display,
            _ => CostMode.Auto,
        },
        Order = settings.Order == "desc" ? ReportOrder.Descending : ReportOrder.Ascending,
    };

    protected void Warn(IReadOnlyList<UnpricedModel> unpriced)
    {
        foreach (var model in unpriced)
        {
            MessageLine.Warning(Environment.Error, model.Warning);
        }
    }
}
