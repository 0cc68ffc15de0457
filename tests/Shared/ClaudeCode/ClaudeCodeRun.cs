namespace ContextCleaner.Tests.Shared;

/// <summary>The outcome of one <c>claude -p</c> process, and the folders it ran with.</summary>
internal sealed record ClaudeCodeRun(int ExitCode, string StandardOutput, string StandardError, string ConfigDirectory, string ProjectDirectory)
{
    /// <summary>Everything Claude Code said, for assertion messages.</summary>
    public string Describe() => $"exit {ExitCode}; stdout: {StandardOutput.Trim()}; stderr: {StandardError.Trim()}";
}
