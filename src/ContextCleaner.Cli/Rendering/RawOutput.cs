using System.Text;
using Spectre.Console;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Writes machine-readable text to a console untouched: no markup, no wrapping.</summary>
internal static class RawOutput
{
    public static void Write(IAnsiConsole console, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        var writer = console.Profile.Out.Writer;
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
        writer.Flush();
    }
}
