namespace ContextCleaner.TestCorpus;

/// <summary>
/// The result of one tool call: <see cref="ResultText"/> goes into the tool_result block, <see cref="Raw"/> into
/// toolUseResult (Claude Code stores the body twice).
/// </summary>
internal sealed record ToolOutput(string ToolName, string Target, string Raw, string ResultText, bool IsError = false);
