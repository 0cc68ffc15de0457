using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Import;

/// <summary><c>context-cleaner import</c>: incremental import of Claude Code transcripts.</summary>
internal sealed class ImportCommand(CliEnvironment environment) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        await using var session = StoreSession.Begin(settings, environment, cancellationToken);
        var summary = await session.ImportAsync(settings, requireData: true, cancellationToken);
        if (summary is null)
        {
            return 0;
        }

        if (settings.Json)
        {
            RawOutput.Write(environment.Out, stream => ImportSummaryRenderer.WriteJson(stream, summary));
        }
        else
        {
            ImportSummaryRenderer.Render(environment.Out, summary, settings.Verbose);
        }

        return 0;
    }
}
