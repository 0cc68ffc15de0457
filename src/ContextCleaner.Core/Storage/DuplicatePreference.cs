namespace ContextCleaner.Core.Storage;

/// <summary>
/// Which copy of one event to keep when it is seen twice. A main-chain copy beats a sidechain replay; otherwise the
/// copy with more tokens wins (older Claude Code versions wrote partial usage on early streaming lines); otherwise the
/// first one seen stays. This is ccusage 20's rule too, so both tools attribute a request to the same day and session.
/// Stores apply the same rule in SQL when a write meets an already stored copy.
/// </summary>
public static class DuplicatePreference
{
    /// <summary>True when the candidate copy should replace the kept one.</summary>
    public static bool Prefers(bool keptIsSidechain, long keptTokens, bool candidateIsSidechain, long candidateTokens) =>
        keptIsSidechain != candidateIsSidechain ? keptIsSidechain : candidateTokens > keptTokens;
}
