namespace ContextCleaner.TestCorpus;

/// <summary>The conversation-tree state of one chain (main thread or one sidechain/subagent).</summary>
internal sealed class LineContext
{
    public LineContext(SessionPlan plan, bool isSidechain, string? agentId, long nowMs)
    {
        SessionId = plan.SessionId;
        Cwd = plan.Project.Cwd;
        Version = plan.Version;
        GitBranch = plan.GitBranch;
        IsSidechain = isSidechain;
        AgentId = agentId;
        NowMs = nowMs;
    }

    public string SessionId { get; }

    public string Cwd { get; }

    public string Version { get; }

    public string GitBranch { get; }

    public bool IsSidechain { get; }

    public string? AgentId { get; }

    /// <summary>uuid of the latest conversation line (null before the first one).</summary>
    public string? ParentUuid { get; set; }

    public string PromptId { get; set; } = string.Empty;

    public long NowMs { get; set; }

    public long Advance(Prng rng, long minMs, long maxMs)
    {
        NowMs += rng.NextLong(minMs, maxMs + 1);
        return NowMs;
    }

    public string Timestamp => IsoTime.Format(NowMs);
}
