using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Storage;
using Spectre.Console;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>Daily, weekly, monthly and session reports: sums per group and model.</summary>
internal abstract class UsageReportCommand<TSettings>(CliEnvironment environment, UsagePeriod period, string title)
    : ReportCommand<TSettings>(environment)
    where TSettings : ReportSettings
{
    protected override async Task<int> ReportAsync(ITelemetryStore store, TSettings settings, CancellationToken cancellationToken)
    {
        var request = Customize(Request(settings, period), settings);
        var report = await UsageReportService.BuildAsync(store, request, cancellationToken);
        Trace.Mark("report built");
        Warn(report.Unpriced);
        if (settings.Json)
        {
            RawOutput.Write(Environment.Out, stream => UsageJsonWriter.Write(stream, report));
        }
        else if (report.Rows.Count == 0)
        {
            Environment.Out.WriteLine("No usage in the selected range.");
        }
        else
        {
            UsageTableRenderer.Render(Environment.Out, report, settings.Breakdown, $"{title} ({request.TimeZone.Id})");
        }

        return 0;
    }

    protected virtual ReportRequest Customize(ReportRequest request, TSettings settings) => request;
}
