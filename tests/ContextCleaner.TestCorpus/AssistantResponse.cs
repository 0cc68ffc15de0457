namespace ContextCleaner.TestCorpus;

/// <summary>A successful API response: written as one assistant line per content block.</summary>
internal sealed record AssistantResponse(
    string MessageId,
    string RequestId,
    string RequestRef,
    string Model,
    string RequestedModel,
    IReadOnlyList<ContentBlock> Blocks,
    TokenUsage Usage,
    string StopReason,
    string CacheTtl);
