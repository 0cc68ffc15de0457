using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Core.Analytics;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary><c>report daily</c>.</summary>
internal sealed class DailyCommand(CliEnvironment environment)
    : UsageReportCommand<ReportSettings>(environment, UsagePeriod.Day, "Claude Code usage by day");
