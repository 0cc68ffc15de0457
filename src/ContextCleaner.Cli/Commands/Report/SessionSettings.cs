using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>Options of the session report.</summary>
internal sealed class SessionSettings : ReportSettings
{
    [CommandOption("-i|--id <SESSION>")]
    [Description("Only this session.")]
    public string? SessionId { get; init; }
}
