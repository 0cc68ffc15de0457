using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ContextCleaner.Benchmarks;

/// <summary><c>context-cleaner telemetry serve</c> (e.g. the native AOT binary) as a child process on a free port.</summary>
internal sealed partial class ServerProcess(Process process, Uri address) : IReceiver
{
    private Task<string>? _rest;

    public Uri Address => address;

    /// <summary>CPU seconds (user + system) the server process has used so far (Linux /proc; clock ticks of 10 ms).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    public static async Task<ServerProcess> StartAsync(string binary, string store)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "telemetry", "serve", "--listen", "127.0.0.1:0", "--store", "duckdb://" + store })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                var rest = process.StandardError.ReadToEndAsync();
                return new ServerProcess(process, new Uri(match.Groups[1].Value)) { _rest = rest };
            }
        }

        throw new InvalidOperationException($"{binary} telemetry serve did not start");
    }

    public async ValueTask DisposeAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        Console.WriteLine("server: " + (await _rest!).Trim().Split('\n')[^1]);
        process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[0-9.]+:[0-9]+/?)")]
    private static partial Regex Listening();
}
