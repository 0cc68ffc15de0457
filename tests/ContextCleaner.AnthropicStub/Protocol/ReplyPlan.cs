namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>The content of one answer: its blocks, <c>stop_reason</c> and output-token count.</summary>
internal sealed record ReplyPlan(IReadOnlyList<ReplyBlock> Blocks, string StopReason, int OutputTokens);
