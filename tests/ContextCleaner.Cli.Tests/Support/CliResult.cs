using System.Text.Json;

namespace ContextCleaner.Cli.Tests.Support;

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Output).RootElement;
}
