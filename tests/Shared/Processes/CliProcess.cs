using System.Diagnostics;

namespace ContextCleaner.Tests.Shared;

/// <summary>The real <c>context-cleaner</c> executable (built next to the tests) run as a child process.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errorLines = [];

    private CliProcess(Process process) => _process = process;

    public event Action<string>? ErrorLine;

    public Process Process => _process;

    public string ErrorText
    {
        get
        {
            lock (_errorLines)
            {
                return string.Join('\n', _errorLines);
            }
        }
    }

    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "context-cleaner.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A token or store set in the developer's shell would change what the server accepts and where it writes.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CONTEXT_CLEANER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (cli._errorLines)
                {
                    cli._errorLines.Add(e.Data);
                    cli.ErrorLine?.Invoke(e.Data);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end; returns exit code, standard output and standard error.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var cli = Start(args, environment);
        var output = await cli._process.StandardOutput.ReadToEndAsync(cancellationToken);
        await cli._process.WaitForExitAsync(cancellationToken);
        return new CliResult(cli._process.ExitCode, output, cli.ErrorText);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
