namespace ContextCleaner.TestCorpus;

/// <summary>Everything decided about a session before it is written, plus what writing it produced.</summary>
internal sealed class SessionPlan
{
    public required int Index { get; init; }

    public required ProjectInfo Project { get; init; }

    public required string SessionId { get; init; }

    public required string MainModel { get; init; }

    /// <summary>Model of the ~15% of calls that do not use the main model.</summary>
    public required string AltModel { get; init; }

    public required bool OneHourCache { get; init; }

    public required bool LongContext { get; init; }

    public required bool Thinking { get; init; }

    public required string Version { get; init; }

    public required string GitBranch { get; init; }

    /// <summary>Target number of user + assistant lines in the main file.</summary>
    public required int TargetLines { get; init; }

    /// <summary>The file ends with an assistant line cut mid-write (no newline).</summary>
    public bool TruncatedTail { get; set; }

    /// <summary>The file holds one blank or garbage line in the middle.</summary>
    public bool GarbageLine { get; set; }

    /// <summary>The first request of the second turn fails after 10 retries (a synthetic error line).</summary>
    public bool ForcedApiFailure { get; set; }

    /// <summary>The session this one resumes (its file replays some of that session's assistant lines).</summary>
    public SessionPlan? ResumeOf { get; init; }

    public bool WillBeResumed { get; set; }

    public long StartMs { get; set; }

    public long EndMs { get; set; }

    /// <summary>Main-model context at the end of the session (a resumed session re-sends it uncached).</summary>
    public long FinalContext { get; set; }

    /// <summary>Assistant lines kept for the resuming session to replay byte-identically.</summary>
    public List<(byte[] Line, UsageFact Fact)> Replay { get; } = [];

    public string RelativePath => "projects/" + Project.DirName + "/" + SessionId + ".jsonl";
}
