using System.Diagnostics;
using ContextCleaner.AnthropicStub;

namespace ContextCleaner.Tests.Shared;

/// <summary>
/// Runs the real Claude Code CLI with the fixtures' environment (shared/fixtures/claude-code-2.1.328/README.md):
/// <c>env -i</c> plus HOME and CLAUDE_CONFIG_DIR in fresh folders, ANTHROPIC_BASE_URL at the stub, a fake API key,
/// nonessential traffic and the autoupdater off, stdin closed, cwd <c>project/</c> holding <c>hello.txt</c>.
/// </summary>
internal static class ClaudeCode
{
    public const string BinaryVariable = "CLAUDE_CODE_BIN";

    public const string Model = "claude-sonnet-4-5-20250929";

    public const string HelloText = "Hello from the fixture file.\n";

    /// <summary>
    /// The fixtures' export intervals (a short run sends 1–2 log batches and its metrics at exit). Claude Code waits
    /// only <c>CLAUDE_CODE_OTEL_SHUTDOWN_TIMEOUT_MS</c> (2000 by default, read from the 2.1.328 binary) for its last
    /// exports before it exits; a server starting cold on a loaded machine can miss that, so the tests give it more.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExportTiming { get; } = new Dictionary<string, string>
    {
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_LOGS_EXPORT_INTERVAL"] = "500",
        ["OTEL_TRACES_EXPORT_INTERVAL"] = "500",
        ["CLAUDE_CODE_OTEL_SHUTDOWN_TIMEOUT_MS"] = "15000",
    };

    /// <summary>The binary (<c>CLAUDE_CODE_BIN</c>, else the npm install under <c>artifacts/claude-code</c>); skips the test when it is missing.</summary>
    public static string RequireBinary()
    {
        var configured = System.Environment.GetEnvironmentVariable(BinaryVariable);
        var binary = string.IsNullOrEmpty(configured)
            ? Path.Combine(RepositoryRoot.Path, "artifacts", "claude-code", "node_modules", ".bin", "claude")
            : configured;
        if (!File.Exists(binary))
        {
            Assert.Skip(
                $"Claude Code is not installed at {binary}: run `npm install --prefix artifacts/claude-code "
                + $"@anthropic-ai/claude-code@2.1.328` or set {BinaryVariable}.");
        }

        return binary;
    }

    /// <summary>Runs <c>claude</c> in <c>project/</c> of <paramref name="folder"/> and waits for it to exit.</summary>
    /// <param name="binary">From <see cref="RequireBinary"/>.</param>
    /// <param name="stub">The Messages API it talks to.</param>
    /// <param name="folder">Holds <c>home/</c>, <c>config/</c> (CLAUDE_CONFIG_DIR) and <c>project/</c> (the cwd).</param>
    /// <param name="arguments">Command line.</param>
    /// <param name="variables">On top of the common set: the OTLP exports, retry limits, ….</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    public static async Task<ClaudeCodeRun> RunAsync(
        string binary,
        AnthropicStubServer stub,
        TempDirectory folder,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> variables,
        CancellationToken cancellationToken)
    {
        var project = folder.CreateDirectory("project");
        folder.WriteFile("project/hello.txt", HelloText);
        var config = folder.CreateDirectory("config");
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        var common = new Dictionary<string, string>
        {
            ["HOME"] = folder.CreateDirectory("home"),
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["TERM"] = "dumb",
            ["LANG"] = "C.UTF-8",
            ["CLAUDE_CONFIG_DIR"] = config,
            ["ANTHROPIC_BASE_URL"] = stub.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["ANTHROPIC_API_KEY"] = "sk-ant-test",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
        };
        foreach (var (name, value) in common.Concat(variables))
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

        return new ClaudeCodeRun(process.ExitCode, await stdout, await stderr, config, project);
    }
}
