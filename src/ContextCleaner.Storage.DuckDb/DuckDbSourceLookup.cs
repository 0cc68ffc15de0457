namespace ContextCleaner.Storage.DuckDb;

/// <summary>Sources of one write: the committed ones and those the write adds.</summary>
internal sealed class DuckDbSourceLookup(Dictionary<string, DuckDbSource> known, Dictionary<string, DuckDbSource> added)
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
            _last = known.TryGetValue(path, out var source) || added.TryGetValue(path, out source) ? source : null;
        }

        return _last;
    }
}
