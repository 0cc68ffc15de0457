using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>
/// Errors and warnings as exactly one line: written past Spectre's renderer, which would wrap a long message at the
/// console width and turn one line into several.
/// </summary>
internal static class MessageLine
{
    public static void Error(IAnsiConsole console, string message) => Write(console, "error:", "31", message);

    public static void Warning(IAnsiConsole console, string message) => Write(console, "warning:", "33", message);

    public static void Info(IAnsiConsole console, string message) => Write(console, "info:", "36", message);

    private static void Write(IAnsiConsole console, string label, string ansiColor, string message)
    {
        var colored = console.Profile.Capabilities.Ansi && console.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
        var prefix = colored ? $"\u001b[{ansiColor}m{label}\u001b[0m" : label;
        var writer = console.Profile.Out.Writer;
        writer.WriteLine($"{prefix} {message.ReplaceLineEndings(" ")}");
        writer.Flush();
    }
}
