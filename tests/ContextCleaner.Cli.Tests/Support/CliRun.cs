using ContextCleaner.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace ContextCleaner.Cli.Tests.Support;

/// <summary>Runs the real command tree in-process against test consoles and a fake environment.</summary>
internal sealed class CliRun
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public CliRun(string home, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        _variables["HOME"] = home;
        _variables["XDG_DATA_HOME"] = System.IO.Path.Combine(home, ".local", "share");
        _variables["XDG_CONFIG_HOME"] = System.IO.Path.Combine(home, ".config");
    }

    public FakeTimeProvider Time { get; }

    public CliRun With(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new TestConsole().Width(250);
        var error = new TestConsole().Width(250);
        var environment = new CliEnvironment(output, error, Time, name => _variables.GetValueOrDefault(name), ErrorIsInteractive: false);
        var exitCode = await CliApp.Create(environment, verbose: args.Contains("--verbose")).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.Output, error.Output);
    }
}
