using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Core.Analytics;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary><c>report session</c>.</summary>
internal sealed class SessionCommand(CliEnvironment environment)
    : UsageReportCommand<SessionSettings>(environment, UsagePeriod.Session, "Claude Code usage by session")
{
    protected override ReportRequest Customize(ReportRequest request, SessionSettings settings) => request with { SessionId = settings.SessionId };
}
