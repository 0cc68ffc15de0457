using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>Options of every report (ccusage 20's flags, so existing scripts keep working).</summary>
internal class ReportSettings : ImportSettings
{
    private static readonly string[] DateFormats = ["yyyyMMdd", "yyyy-MM-dd"];

    [CommandOption("-s|--since <DATE>")]
    [Description("First day to include (YYYYMMDD or YYYY-MM-DD), in --timezone.")]
    public string? Since { get; init; }

    [CommandOption("-u|--until <DATE>")]
    [Description("Last day to include (YYYYMMDD or YYYY-MM-DD), in --timezone.")]
    public string? Until { get; init; }

    [CommandOption("-z|--timezone <TZ>")]
    [Description("IANA time zone for grouping (default: the system's).")]
    public string? TimeZone { get; init; }

    [CommandOption("-b|--breakdown")]
    [Description("Show a row per model.")]
    public bool Breakdown { get; init; }

    [CommandOption("-p|--project <NAME>")]
    [Description("Only this project (the folder name under projects/).")]
    public string? Project { get; init; }

    [CommandOption("-o|--order <ORDER>")]
    [Description("asc (default) or desc.")]
    public string Order { get; init; } = "asc";

    [CommandOption("-m|--mode <MODE>")]
    [Description("auto (reported cost if present, else computed; default), calculate, display.")]
    public string Mode { get; init; } = "auto";

    [CommandOption("-O|--offline")]
    [Description("Accepted for ccusage compatibility; prices are always local.")]
    public bool Offline { get; init; }

    [CommandOption("--no-import")]
    [Description("Report from the store as it is, without importing new transcript lines first.")]
    public bool NoImport { get; init; }

    public DateOnly? SinceDate => ParseDate(Since);

    public DateOnly? UntilDate => ParseDate(Until);

    public override ValidationResult Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[] { ("--since", Since), ("--until", Until) })
        {
            if (value is not null && ParseDate(value) is null)
            {
                errors.Add($"{name} \"{value}\" is not YYYYMMDD or YYYY-MM-DD");
            }
        }

        if (Order is not ("asc" or "desc"))
        {
            errors.Add($"--order must be asc or desc (was \"{Order}\")");
        }

        if (Mode is not ("auto" or "calculate" or "display"))
        {
            errors.Add($"--mode must be auto, calculate or display (was \"{Mode}\")");
        }

        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add($"--timezone \"{TimeZone}\" is not a known IANA time zone");
        }

        return errors.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", errors));
    }

    private static DateOnly? ParseDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
