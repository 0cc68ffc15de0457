using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Core.Analytics;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary><c>report monthly</c>.</summary>
internal sealed class MonthlyCommand(CliEnvironment environment)
    : UsageReportCommand<ReportSettings>(environment, UsagePeriod.Month, "Claude Code usage by month");
