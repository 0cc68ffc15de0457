using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands;

/// <summary>Options of commands that import transcripts.</summary>
internal class ImportSettings : GlobalSettings
{
    [CommandOption("--source <DIR>")]
    [Description("Claude config folder (holding projects/) or projects/ folder to import; repeatable. Default: CLAUDE_CONFIG_DIR, else ~/.config/claude and ~/.claude.")]
    public string[] Sources { get; init; } = [];
}
