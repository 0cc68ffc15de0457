using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Merges the events of parsed files in path order, keeping one copy per event id across the whole import
/// (<see cref="DuplicatePreference"/> decides which). Remembers only a small summary of every kept event. When the
/// store was empty at the start, events first seen in this import are marked new, so the store can skip its
/// duplicate check for them.
/// </summary>
internal sealed class ImportMerger(bool storeWasEmpty)
{
    private readonly Dictionary<Guid, (bool IsSidechain, long Tokens)> _kept = [];

    // Reused across batches: grown afresh for every batch, this map and the lists built from it were large-object
    // allocations each time, and each one past the budget costs a blocking full collection (4 per 1 GB import -> 2).
    private readonly Dictionary<Guid, (TelemetryEvent Event, bool IsNew)> _pending = [];

    /// <summary>The batch to write for <paramref name="results"/>; counters go to <paramref name="statistics"/>.</summary>
    public EventBatch Merge(FileImportResult[] results, ImportStatistics statistics, List<ImportProblem> problems)
    {
        // Events of earlier batches are already written: a preferred copy of one of them must replace it in the store.
        var pending = _pending;
        pending.Clear();
        foreach (var result in results)
        {
            statistics.Add(result.Statistics);
            problems.AddRange(result.Problems);
            foreach (var candidate in result.Events)
            {
                if (!_kept.TryGetValue(candidate.Id, out var kept))
                {
                    _kept[candidate.Id] = (candidate.IsSidechain, candidate.Tokens.Total);
                    pending[candidate.Id] = (candidate, storeWasEmpty);
                    continue;
                }

                statistics.Duplicates++;
                if (DuplicatePreference.Prefers(kept.IsSidechain, kept.Tokens, candidate.IsSidechain, candidate.Tokens.Total))
                {
                    _kept[candidate.Id] = (candidate.IsSidechain, candidate.Tokens.Total);
                    pending[candidate.Id] = (candidate, pending.TryGetValue(candidate.Id, out var earlier) && earlier.IsNew);
                }
            }
        }

        var fresh = pending.Values.Count(p => p.IsNew);
        var events = new List<TelemetryEvent>(pending.Count - fresh);
        var newEvents = new List<TelemetryEvent>(fresh);
        foreach (var (candidate, isNew) in pending.Values)
        {
            (isNew ? newEvents : events).Add(candidate);
        }

        return new EventBatch(events, newEvents, [.. results.Select(r => r.Checkpoint).OfType<FileCheckpoint>()]);
    }
}
