using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>Options of the billing-blocks report.</summary>
internal sealed class BlocksSettings : ReportSettings
{
    [CommandOption("-a|--active")]
    [Description("Only the active block, with burn rate and projection.")]
    public bool Active { get; init; }

    [CommandOption("-r|--recent")]
    [Description("Only blocks of the last 3 days (and the active one).")]
    public bool Recent { get; init; }

    [CommandOption("-t|--token-limit <LIMIT>")]
    [Description("Token limit for warnings: a number, or max (the largest block so far).")]
    public string? TokenLimit { get; init; }

    [CommandOption("-n|--session-length <HOURS>")]
    [Description("Block length in hours (default 5).")]
    public double SessionLength { get; init; } = 5;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (SessionLength is <= 0 or > 24 * 7)
        {
            return ValidationResult.Error($"--session-length must be between 0 and 168 hours (was {SessionLength.ToString(CultureInfo.InvariantCulture)})");
        }

        return TokenLimit is null or "max" || (long.TryParse(TokenLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--token-limit must be a positive number or max (was \"{TokenLimit}\")");
    }
}
