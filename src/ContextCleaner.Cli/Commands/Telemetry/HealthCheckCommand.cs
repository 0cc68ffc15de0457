using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Telemetry;

/// <summary>
/// <c>context-cleaner telemetry health-check</c>: what the store holds and how fresh it is, with hints. A store that
/// cannot be opened (unreachable server, wrong credentials, a locked or newer DuckDB file) fails through the standard
/// one-line error; a store that answered exits 0, whatever the hints say.
/// </summary>
internal sealed class HealthCheckCommand(CliEnvironment environment) : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        // Opened as every command opens it (schema migrated, prices current), but nothing is imported: the check shows
        // what the store holds, not what this machine's transcripts would add.
        await using var session = await StoreSession.OpenAsync(settings, environment, cancellationToken);
        var health = await session.Store.CheckHealthAsync(cancellationToken);
        var nowUtc = environment.Time.GetUtcNow().UtcDateTime;
        if (settings.Json)
        {
            RawOutput.Write(environment.Out, stream => HealthJsonWriter.Write(stream, health, nowUtc));
        }
        else
        {
            HealthTableRenderer.Render(environment.Out, health, nowUtc);
        }

        return 0;
    }
}
