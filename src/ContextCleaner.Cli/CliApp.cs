using ContextCleaner.Cli.Commands.Import;
using ContextCleaner.Cli.Commands.Report;
using ContextCleaner.Cli.Commands.Telemetry;
using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli;

/// <summary>The command tree and the one place failures become exit codes and one-line messages.</summary>
internal static class CliApp
{
    public static CommandApp Create(CliEnvironment environment, bool verbose)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        var app = new CommandApp(registrar);
        app.Configure(config => Configure(config, environment, verbose));
        return app;
    }

    public static void Configure(IConfigurator config, CliEnvironment environment, bool verbose)
    {
        config.SetApplicationName("context-cleaner");
        config.ConfigureConsole(environment.Out);
        config.Settings.CancellationExitCode = 130;
        config.SetExceptionHandler((exception, _) => HandleException(environment.Error, exception, verbose));
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Import Claude Code transcripts into the store (incremental).");
        config.AddBranch("report", report =>
        {
            report.SetDescription("Usage and cost reports (ccusage-compatible --json).");
            report.AddCommand<DailyCommand>("daily").WithDescription("Usage by day.");
            report.AddCommand<WeeklyCommand>("weekly").WithDescription("Usage by week.");
            report.AddCommand<MonthlyCommand>("monthly").WithDescription("Usage by month.");
            report.AddCommand<SessionCommand>("session").WithDescription("Usage by session.");
            report.AddCommand<BlocksCommand>("blocks").WithDescription("5-hour billing blocks with burn rate and projection.");
        });
        config.AddBranch("telemetry", telemetry =>
        {
            telemetry.SetDescription("Claude Code's OpenTelemetry: receive it, analyse it.");
            telemetry.AddCommand<ServeCommand>("serve").WithDescription("OTLP/HTTP receiver for Claude Code (JSON or protobuf), storing into the store.");
            telemetry.AddCommand<HealthCheckCommand>("health-check")
                .WithDescription("Is the store reachable, what does it hold, how fresh is it; hints when something is missing.");
        });
    }

    internal static int HandleException(IAnsiConsole error, Exception exception, bool verbose)
    {
        switch (exception)
        {
            case ContextCleanerException known:
                MessageLine.Error(error, known.Message);
                if (verbose && known.InnerException is { } inner)
                {
                    error.WriteException(inner);
                }

                return known.ExitCode;
            case CommandParseException or CommandRuntimeException:
                MessageLine.Error(error, exception.Message);
                return 2;
            case OperationCanceledException:
                error.MarkupLine("[yellow]cancelled[/]");
                return 130;
            default:
                if (verbose)
                {
                    error.WriteException(exception);
                }
                else
                {
                    MessageLine.Error(error, $"unexpected {exception.GetType().Name}: {exception.Message} (run with --verbose for details)");
                }

                return 70;
        }
    }
}
