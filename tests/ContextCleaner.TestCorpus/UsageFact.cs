namespace ContextCleaner.TestCorpus;

/// <summary>
/// What the generator knows about one assistant line that carries real usage, recorded as the line is written:
/// the request identity, the usage on that line, and the session the line's file belongs to (the parent session
/// for subagent files). The ground truth is folded from these facts, never from parsing the written files.
/// </summary>
internal sealed record UsageFact(
    string MessageId,
    string RequestId,
    string Model,
    long TimestampMs,
    TokenUsage Usage,
    string SessionId,
    string Project);
