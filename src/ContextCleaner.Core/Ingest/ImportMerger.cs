using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Merges the events of parsed files in path order, keeping one copy per event id across the whole import
/// (<see cref="DuplicatePreference"/> decides which). Remembers only a small summary of every kept event.
/// </summary>
internal sealed class ImportMerger
{
    private readonly Dictionary<Guid, (bool IsSidechain, long Tokens)> _kept = [];

    /// <summary>The events of <paramref name="results"/> that are new or preferred; counters go to <paramref name="statistics"/>.</summary>
    public List<TelemetryEvent> Merge(FileImportResult[] results, ImportStatistics statistics, List<ImportProblem> problems)
    {
        var pending = new Dictionary<Guid, TelemetryEvent>();
        foreach (var result in results)
        {
            var stats = result.Statistics;
            stats.FilesFound = 0;   // already counted while enumerating
            statistics.Add(stats);
            problems.AddRange(result.Problems);
            foreach (var candidate in result.Events)
            {
                if (_kept.TryGetValue(candidate.Id, out var kept) && !Prefers(kept, candidate))
                {
                    statistics.Duplicates++;
                    continue;
                }

                if (_kept.ContainsKey(candidate.Id))
                {
                    statistics.Duplicates++;
                }

                _kept[candidate.Id] = (candidate.IsSidechain, candidate.Tokens.Total);
                pending[candidate.Id] = candidate;
            }
        }

        return [.. pending.Values];
    }

    private static bool Prefers((bool IsSidechain, long Tokens) kept, TelemetryEvent candidate) =>
        DuplicatePreference.Prefers(kept.IsSidechain, kept.Tokens, candidate.IsSidechain, candidate.Tokens.Total);
}
