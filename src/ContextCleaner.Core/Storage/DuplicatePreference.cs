using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// Which copy of one event to keep when it is seen twice. A transcript copy beats an OpenTelemetry copy of the same
/// request (it knows the project and whether it was a sidechain; the store keeps the OTLP-only fields, Claude Code's
/// cost and timing, on it). Among transcript copies a main-chain copy beats a sidechain replay; otherwise the copy with
/// more tokens wins (older Claude Code versions wrote partial usage on early streaming lines); otherwise the first one
/// seen stays. This is ccusage 20's rule too, so both tools attribute a request to the same day and session. Stores
/// apply the same rule in SQL when a write meets an already stored copy.
/// </summary>
public static class DuplicatePreference
{
    /// <summary>True when the candidate copy should replace the kept one.</summary>
    public static bool Prefers(bool keptIsSidechain, long keptTokens, bool candidateIsSidechain, long candidateTokens) =>
        keptIsSidechain != candidateIsSidechain ? keptIsSidechain : candidateTokens > keptTokens;

    /// <summary>Copies of one event inside a batch collapsed to the preferred one, in first-seen order.</summary>
    public static List<TelemetryEvent> Collapse(IReadOnlyList<TelemetryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var kept = new Dictionary<Guid, int>(events.Count);
        var result = new List<TelemetryEvent>(events.Count);
        foreach (var e in events)
        {
            if (!kept.TryGetValue(e.Id, out var index))
            {
                kept[e.Id] = result.Count;
                result.Add(e);
            }
            else if (Prefers(result[index], e))
            {
                result[index] = e;
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="kept"/>, sources considered.</summary>
    public static bool Prefers(TelemetryEvent kept, TelemetryEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(candidate);
        return kept.Source != candidate.Source
            ? candidate.Source == EventSource.Transcript
            : Prefers(kept.IsSidechain, kept.Tokens.Total, candidate.IsSidechain, candidate.Tokens.Total);
    }
}
