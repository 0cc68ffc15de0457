namespace ContextCleaner.Storage.DuckDb;

/// <summary>Source ids of one write: the committed ones and those the write adds.</summary>
internal sealed class DuckDbSourceLookup(Dictionary<string, int> known, Dictionary<string, int> added)
{
    private string? _lastPath;
    private int? _lastId;

    public int? IdOf(string? path)
    {
        if (path is null)
        {
            return null;
        }

        // Events arrive grouped by file: reuse the last answer while the path is the same string instance.
        if (!ReferenceEquals(path, _lastPath))
        {
            _lastPath = path;
            _lastId = known.TryGetValue(path, out var id) || added.TryGetValue(path, out id) ? id : null;
        }

        return _lastId;
    }
}
