using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary>Options of the weekly report.</summary>
internal sealed class WeeklySettings : ReportSettings
{
    [CommandOption("-w|--start-of-week <DAY>")]
    [Description("First day of a week: sunday (default), monday, …")]
    public string StartOfWeek { get; init; } = "sunday";

    public DayOfWeek StartDay => Enum.Parse<DayOfWeek>(StartOfWeek, ignoreCase: true);

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Enum.TryParse<DayOfWeek>(StartOfWeek, ignoreCase: true, out _) && !int.TryParse(StartOfWeek, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--start-of-week \"{StartOfWeek}\" is not a day name (sunday … saturday)");
    }
}
