using ContextCleaner.Cli;
using ContextCleaner.Cli.Infrastructure;

Trace.Mark("main");
var environment = CliEnvironment.FromProcess(noColor: args.Contains("--no-color"));
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels cleanly (the current batch is rolled back); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (systemd, docker stop, kill) stops as cleanly as Ctrl+C: `telemetry serve` finishes requests in flight.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

var exit = await CliApp.Create(environment, verbose: args.Contains("--verbose")).RunAsync(args, cancellation.Token);
Trace.Mark("closed");
return exit;
