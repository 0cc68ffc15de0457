using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ContextCleaner.Cli.Tests.Support;

/// <summary><c>context-cleaner telemetry serve</c> as a real child process on a free port, with a client for it.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private ServeProcess(CliProcess process, Uri address)
    {
        Cli = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CliProcess Cli { get; }

    public HttpClient Client { get; }

    public static async Task<ServeProcess> StartAsync(string store, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken,
        params string[] extra)
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cli = CliProcess.Start(["telemetry", "serve", "--listen", "127.0.0.1:0", "--store", store, .. extra], environment);
        cli.ErrorLine += line =>
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        cli.Process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("serve exited: " + cli.ErrorText));
        try
        {
            return new ServeProcess(cli, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken));
        }
        catch
        {
            cli.Dispose();
            throw;
        }
    }

    public async Task<int> PostAsync(string signal, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Client.PostAsync(new Uri("/v1/" + signal, UriKind.Relative), content, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>SIGTERM, then waits for the graceful stop.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Cli.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await Cli.Process.WaitForExitAsync(cancellationToken);
        return Cli.Process.ExitCode;
    }

    public void Dispose()
    {
        Client.Dispose();
        Cli.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[0-9.]+:[0-9]+/?)")]
    private static partial Regex Listening();
}
