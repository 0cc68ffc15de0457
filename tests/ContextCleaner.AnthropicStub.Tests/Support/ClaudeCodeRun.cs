namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>The outcome of one <c>claude -p</c> process, plus the folders it ran in.</summary>
internal sealed record ClaudeCodeRun(int ExitCode, string StandardOutput, string StandardError, string ConfigDirectory);
