using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// What one bulk write (a whole first import in one transaction) learns once instead of per batch: the stored sources
/// (kept up to date as batches add theirs) and the checkpoint paths it wrote into an import_files that was empty.
/// </summary>
internal sealed class DuckDbBulkState(Dictionary<string, DuckDbSource> sources, bool noCheckpointsStored)
{
    private readonly HashSet<string> _checkpointPaths = new(StringComparer.Ordinal);
    private bool _appendCheckpoints = noCheckpointsStored;

    public Dictionary<string, DuckDbSource> Sources { get; } = sources;

    /// <summary>
    /// True when none of <paramref name="checkpoints"/> can be stored yet, so they may be appended as they are (an
    /// importer writes each file once); after the first repeated path every later batch takes the upserting path.
    /// </summary>
    public bool ClaimNewCheckpoints(IReadOnlyList<FileCheckpoint> checkpoints)
    {
        if (_appendCheckpoints && checkpoints.Select(c => c.Path).Distinct(StringComparer.Ordinal).Count() == checkpoints.Count
            && !checkpoints.Any(c => _checkpointPaths.Contains(c.Path)))
        {
            _checkpointPaths.UnionWith(checkpoints.Select(c => c.Path));
            return true;
        }

        _appendCheckpoints = false;
        return false;
    }
}
