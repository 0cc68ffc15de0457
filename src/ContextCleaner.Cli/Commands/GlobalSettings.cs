using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption("--store <URI>")]
    [Description("Store to use: duckdb:///path/file.duckdb (default: $XDG_DATA_HOME/context-cleaner/telemetry.duckdb; env CONTEXT_CLEANER_STORE).")]
    public string? Store { get; init; }

    [CommandOption("-j|--json")]
    [Description("Print JSON instead of tables.")]
    public bool Json { get; init; }

    [CommandOption("--no-color")]
    [Description("Do not color the output (also NO_COLOR=1).")]
    public bool NoColor { get; init; }

    [CommandOption("--verbose")]
    [Description("Show details: skipped lines, exception traces.")]
    public bool Verbose { get; init; }

    [CommandOption("--prices <FILE>")]
    [Description("prices.json merged over the built-in price table (env CONTEXT_CLEANER_PRICES; default $XDG_CONFIG_HOME/context-cleaner/prices.json if present).")]
    public string? Prices { get; init; }
}
