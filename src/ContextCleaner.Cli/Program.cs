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

return await CliApp.Create(environment, verbose: args.Contains("--verbose")).RunAsync(args, cancellation.Token);
