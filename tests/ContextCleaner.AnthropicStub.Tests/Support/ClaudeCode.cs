using System.Diagnostics;

namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>
/// Runs the real Claude Code CLI against a stub with the fixtures' environment: <c>env -i</c> plus HOME and
/// CLAUDE_CONFIG_DIR in fresh folders, ANTHROPIC_BASE_URL, a fake API key, nonessential traffic and the
/// autoupdater off. Nothing else was needed to run it offline (no login, no onboarding prompt in <c>-p</c> mode).
/// </summary>
internal static class ClaudeCode
{
    public const string BinaryVariable = "CLAUDE_CODE_BIN";

    /// <summary>Where the binary should be: <c>CLAUDE_CODE_BIN</c>, else the npm install cached under <c>artifacts/claude-code</c>.</summary>
    public static string ExpectedPath()
    {
        var configured = System.Environment.GetEnvironmentVariable(BinaryVariable);
        return string.IsNullOrEmpty(configured)
            ? Path.Combine(RepositoryRoot.Path, "artifacts", "claude-code", "node_modules", ".bin", "claude")
            : configured;
    }

    public static IReadOnlyDictionary<string, string> Environment(AnthropicStubServer stub, TempDirectory run) => new Dictionary<string, string>
    {
        ["HOME"] = run.CreateDirectory("home"),
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["TERM"] = "dumb",
        ["LANG"] = "C.UTF-8",
        ["CLAUDE_CONFIG_DIR"] = run.CreateDirectory("config"),
        ["ANTHROPIC_BASE_URL"] = stub.BaseAddress.GetLeftPart(UriPartial.Authority),
        ["ANTHROPIC_API_KEY"] = "sk-ant-test",
        ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        ["DISABLE_AUTOUPDATER"] = "1",
    };

    /// <summary>Runs <c>claude</c> in <c>project/</c> (holding the fixtures' <c>hello.txt</c>) and waits for it to exit.</summary>
    /// <param name="binary"></param>
    /// <param name="stub"></param>
    /// <param name="run"></param>
    /// <param name="arguments"></param>
    /// <param name="extra">Variables on top of the common set, e.g. <c>API_TIMEOUT_MS</c>.</param>
    /// <param name="cancellationToken"></param>
    public static async Task<ClaudeCodeRun> RunAsync(
        string binary,
        AnthropicStubServer stub,
        TempDirectory run,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? extra,
        CancellationToken cancellationToken)
    {
        var project = run.CreateDirectory("project");
        run.WriteFile("project/hello.txt", "Hello from the fixture file.\n");
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        var environment = Environment(stub, run);
        foreach (var (name, value) in environment.Concat(extra ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        // -p reads a piped stdin to its end before answering: give it an empty one.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ClaudeCodeRun(process.ExitCode, await stdout, await stderr, environment["CLAUDE_CONFIG_DIR"]);
    }
}
