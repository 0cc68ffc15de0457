namespace ContextCleaner.TestCorpus;

/// <summary>What the generator counts; written to ground_truth.json "counts" in snake_case, in this order.</summary>
internal enum Counter
{
    Files,
    SessionFiles,
    SubagentFiles,
    ResumedSessions,
    Bytes,
    Lines,
    UserLines,
    AssistantLines,
    SidechainLines,
    UniqueUsageMessages,
    MultiBlockResponses,
    PartialUsageLines,
    DuplicateLinesInFile,
    DuplicateLinesResumed,
    ApiErrorLines,
    RetryLines,
    ModelFallbackLines,
    CompactBoundaries,
    BookkeepingLines,
    SummaryLines,
    MalformedLines,
    GarbageLines,
    BlankLines,
    LongContextRequests,
}
