using ContextCleaner.AnthropicStub;
using Shouldly;

namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>
/// One end-to-end setup in its own temp folder: an Anthropic stub, <c>context-cleaner telemetry serve</c> on a fresh
/// DuckDB store, and Claude Code pointed at both with the variables <c>telemetry serve --print-env</c> prints.
/// </summary>
internal sealed class TelemetryPipeline : IAsyncDisposable
{
    // Generous: a run waits out at most two short backoffs; the limit only guards against a hang.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly CancellationTokenSource _timeout;
    private readonly string _binary;

    private TelemetryPipeline(string binary, TempDirectory folder, AnthropicStubServer stub, ServeProcess server, CancellationTokenSource timeout)
    {
        _binary = binary;
        Folder = folder;
        Stub = stub;
        Server = server;
        _timeout = timeout;
    }

    public TempDirectory Folder { get; }

    public AnthropicStubServer Stub { get; }

    public ServeProcess Server { get; }

    public string StorePath => Folder.Combine("telemetry.duckdb");

    public string Store => "duckdb://" + StorePath;

    /// <summary>The test's token, cancelled after <see cref="Patience"/>.</summary>
    public CancellationToken Token => _timeout.Token;

    /// <summary>HOME and XDG folders of the <c>context-cleaner</c> processes, inside the temp folder.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => CliEnvironmentIn(Folder);

    /// <summary>Skips when Claude Code is not installed; otherwise starts the stub and the server.</summary>
    /// <param name="stub">How the stub answers.</param>
    /// <param name="serveArguments">Extra <c>telemetry serve</c> options, e.g. <c>--token</c>.</param>
    public static Task<TelemetryPipeline> StartAsync(AnthropicStubOptions stub, params string[] serveArguments) =>
        StartAsync(_ => stub, serveArguments);

    /// <summary>As above, with stub options that name files in the temp folder (a tool call's <c>file_path</c>).</summary>
    /// <param name="stub">How the stub answers, given the folder (Claude Code's cwd is its <c>project/</c>).</param>
    /// <param name="serveArguments">Extra <c>telemetry serve</c> options, e.g. <c>--token</c>.</param>
    public static async Task<TelemetryPipeline> StartAsync(Func<TempDirectory, AnthropicStubOptions> stub, params string[] serveArguments)
    {
        var binary = ClaudeCode.RequireBinary();
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var folder = new TempDirectory();
        AnthropicStubServer? started = null;
        try
        {
            started = await AnthropicStubServer.StartAsync(stub(folder), timeout.Token);
            var store = "duckdb://" + folder.Combine("telemetry.duckdb");
            var server = await ServeProcess.StartAsync(store, CliEnvironmentIn(folder), timeout.Token, serveArguments);
            return new TelemetryPipeline(binary, folder, started, server, timeout);
        }
        catch
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }

            folder.Dispose();
            timeout.Dispose();
            throw;
        }
    }

    /// <summary><c>telemetry serve --print-env --listen &lt;the server's address&gt; [--token T]</c>, parsed.</summary>
    public async Task<ExportScript> PrintEnvAsync(string? token)
    {
        string[] tokenArguments = token is null ? [] : ["--token", token];
        var result = await CliProcess.RunAsync(
            ["telemetry", "serve", "--print-env", "--listen", Server.Address.Authority, .. tokenArguments], CliEnvironment, Token);
        result.ExitCode.ShouldBe(0, result.Error);
        return ExportScript.Parse(result.Output);
    }

    /// <summary>Runs Claude Code with the exports of <c>--print-env</c> for <paramref name="protocol"/> (and traces, a token, …).</summary>
    /// <param name="protocol"><c>http/json</c> or <c>http/protobuf</c>.</param>
    /// <param name="arguments">Claude Code's command line.</param>
    /// <param name="extra">More variables, e.g. <c>CLAUDE_CODE_MAX_RETRIES</c>.</param>
    /// <param name="traces">Also set the traces variables <c>--print-env</c> suggests.</param>
    /// <param name="token">Passed to <c>--print-env --token</c>: the token Claude Code will send.</param>
    public async Task<ClaudeCodeRun> RunClaudeAsync(
        string protocol, string[] arguments, IReadOnlyDictionary<string, string>? extra = null, bool traces = false, string? token = null)
    {
        var variables = (await PrintEnvAsync(token)).For(protocol, traces);
        foreach (var (name, value) in ClaudeCode.ExportTiming.Concat(extra ?? new Dictionary<string, string>()))
        {
            variables[name] = value;
        }

        return await ClaudeCode.RunAsync(_binary, Stub, Folder, arguments, variables, Token);
    }

    /// <summary>SIGTERM to the server; it exits 0 after committing everything. Returns its standard error.</summary>
    public async Task<string> StopServerAsync()
    {
        var stopped = await Server.TerminateAsync(Token);
        stopped.ExitCode.ShouldBe(0, stopped.Error);
        return stopped.Error;
    }

    /// <summary>Another <c>context-cleaner</c> command on the same store (append <c>--store</c> yourself).</summary>
    public Task<CliResult> RunCliAsync(params string[] arguments) => CliProcess.RunAsync(arguments, CliEnvironment, Token);

    public Task<StoreContents> ReadStoreAsync() => StoreContents.ReadAsync(StorePath, Token);

    public async ValueTask DisposeAsync()
    {
        Server.Dispose();
        await Stub.DisposeAsync();
        Folder.Dispose();
        _timeout.Dispose();
    }

    private static Dictionary<string, string> CliEnvironmentIn(TempDirectory folder) => new()
    {
        ["HOME"] = folder.Combine("cli-home"),
        ["XDG_DATA_HOME"] = folder.Combine("cli-home", "data"),
        ["XDG_CONFIG_HOME"] = folder.Combine("cli-home", "config"),
    };
}
