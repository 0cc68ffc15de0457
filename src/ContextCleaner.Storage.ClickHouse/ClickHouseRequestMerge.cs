using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// What happens when a request meets its stored copy: the DuckDB store's SQL (enrich both, then keep the preferred)
/// done in C#. Claude Code's own cost and timing arrive only over OTLP, the project and sidechain flag only in
/// transcripts: the kept copy takes over what only the other one knows.
/// </summary>
internal static class ClickHouseRequestMerge
{
    /// <summary>The row to write (null: the stored row stays as it is) and whether the stored copy was replaced.</summary>
    public static (TelemetryEvent? Row, bool Replaced) Resolve(TelemetryEvent stored, TelemetryEvent candidate)
    {
        var replaced = DuplicatePreference.Prefers(stored, candidate);
        var (kept, other) = replaced ? (candidate, stored) : (stored, candidate);
        var attributes = kept.Attributes is { Count: > 0 } ? kept.Attributes : other.Attributes is { Count: > 0 } ? other.Attributes : null;
        var merged = ClickHouseEventRows.With(kept, kept.ReportedCostUsd ?? other.ReportedCostUsd, kept.ComputedCostUsd,
            kept.DurationMs ?? other.DurationMs, kept.Speed ?? other.Speed, attributes);
        if (!replaced && kept.ReportedCostUsd is not null == merged.ReportedCostUsd is not null && kept.DurationMs is not null == merged.DurationMs is not null
            && kept.Speed is not null == merged.Speed is not null && kept.Attributes is { Count: > 0 } == merged.Attributes is { Count: > 0 })
        {
            return (null, false);
        }

        return (merged, replaced);
    }
}
