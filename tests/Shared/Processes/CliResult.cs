using System.Text.Json;

namespace ContextCleaner.Tests.Shared;

/// <summary>What a <c>context-cleaner</c> run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}
