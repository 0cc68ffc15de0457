namespace ContextCleaner.TestCorpus;

/// <summary>A response that was written, with the uuid of the line of each content block.</summary>
internal sealed record EmittedResponse(AssistantResponse Response, IReadOnlyList<string> LineUuids);
