using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ContextCleaner.Tests.Shared;

/// <summary><c>context-cleaner telemetry serve</c> as a real child process on a free loopback port.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private HttpClient? _client;

    private ServeProcess(CliProcess process, Uri address)
    {
        Cli = process;
        Address = address;
    }

    public CliProcess Cli { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>, parsed from its "listening on" line.</summary>
    public Uri Address { get; }

    private HttpClient Client => _client ??= new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>POSTs a body to <c>/v1/&lt;signal&gt;</c>; returns the HTTP status.</summary>
    public async Task<int> PostAsync(string signal, byte[] body, string contentType, CancellationToken cancellationToken) =>
        (await PostForAnswerAsync(signal, body, contentType, cancellationToken)).Status;

    /// <summary>POSTs a body to <c>/v1/&lt;signal&gt;</c>; returns the HTTP status and the Retry-After delay, if any.</summary>
    public async Task<(int Status, TimeSpan? RetryAfter)> PostForAnswerAsync(string signal, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Client.PostAsync(new Uri("/v1/" + signal, UriKind.Relative), content, cancellationToken);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.Delta);
    }

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

    /// <summary>SIGTERM, then waits for the graceful stop (which commits everything acknowledged).</summary>
    public async Task<CliResult> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Cli.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await Cli.Process.WaitForExitAsync(cancellationToken);
        return new CliResult(Cli.Process.ExitCode, "", Cli.ErrorText);
    }

    public void Dispose()
    {
        _client?.Dispose();
        Cli.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[0-9.]+:[0-9]+/?)")]
    private static partial Regex Listening();
}
