namespace ContextCleaner.Storage.DuckDb;

/// <summary>Sources of one write by location: the stored ones and those the write adds.</summary>
internal sealed class DuckDbSourceLookup(Dictionary<string, DuckDbSource> known)
{
    private string? _lastPath;
    private DuckDbSource? _last;

    public DuckDbSource? Of(string? path)
    {
        if (path is null)
        {
            return null;
        }

        // Events arrive grouped by file: reuse the last answer while the path is the same string instance.
        if (!ReferenceEquals(path, _lastPath))
        {
            _lastPath = path;
            _last = known.TryGetValue(path, out var source) ? source : null;
        }

        return _last;
    }
}
