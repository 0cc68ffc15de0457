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

    /// <summary>The batch to write for <paramref name="results"/>; counters go to <paramref name="statistics"/>.</summary>
    public EventBatch Merge(FileImportResult[] results, ImportStatistics statistics, List<ImportProblem> problems)
    {
        // Events of earlier batches are already written: a preferred copy of one of them must replace it in the store.
        var pending = new Dictionary<Guid, (TelemetryEvent Event, bool IsNew)>();
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

        return new EventBatch(
            [.. pending.Values.Where(p => !p.IsNew).Select(p => p.Event)],
            [.. pending.Values.Where(p => p.IsNew).Select(p => p.Event)],
            [.. results.Select(r => r.Checkpoint).OfType<FileCheckpoint>()]);
    }
}
