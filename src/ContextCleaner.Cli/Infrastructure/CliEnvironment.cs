using Spectre.Console;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>What commands get from the outside world, so tests can give them a fake one.</summary>
/// <param name="Out">Standard output (reports, JSON).</param>
/// <param name="Error">Standard error (progress, warnings, errors).</param>
/// <param name="Time">Clock.</param>
/// <param name="GetVariable">Environment variables.</param>
/// <param name="ErrorIsInteractive">True when standard error is a terminal (progress bars are drawn only then).</param>
internal sealed record CliEnvironment(IAnsiConsole Out, IAnsiConsole Error, TimeProvider Time, Func<string, string?> GetVariable, bool ErrorIsInteractive)
{
    private const int RedirectedWidth = 160;

    /// <summary>The real process environment.</summary>
    public static CliEnvironment FromProcess(bool noColor)
    {
        noColor |= !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var output = Console(System.Console.Out, noColor);
        if (System.Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; a report piped to a file or pager should not wrap.
            output.Profile.Width = RedirectedWidth;
        }

        return new CliEnvironment(
            output,
            Console(System.Console.Error, noColor),
            TimeProvider.System,
            Environment.GetEnvironmentVariable,
            !System.Console.IsErrorRedirected);
    }

    private static IAnsiConsole Console(TextWriter writer, bool noColor) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });
}
