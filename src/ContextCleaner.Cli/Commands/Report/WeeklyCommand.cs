using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Core.Analytics;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary><c>report weekly</c>.</summary>
internal sealed class WeeklyCommand(CliEnvironment environment)
    : UsageReportCommand<WeeklySettings>(environment, UsagePeriod.Week, "Claude Code usage by week")
{
    protected override ReportRequest Customize(ReportRequest request, WeeklySettings settings) => request with { StartOfWeek = settings.StartDay };
}
