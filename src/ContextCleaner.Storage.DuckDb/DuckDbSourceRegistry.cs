using ContextCleaner.Core.Events;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// Gives every source file or endpoint a small integer id (table <c>sources</c>), so events carry an id instead of
/// repeating a long path. Ids assigned in a transaction that rolls back are forgotten.
/// </summary>
internal sealed class DuckDbSourceRegistry
{
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);
    private bool _loaded;

    public async Task<DuckDbSourceLookup> ResolveAsync(DuckDBConnection connection, IEnumerable<TelemetryEvent> events, CancellationToken cancellationToken)
    {
        _pending.Clear();
        if (!_loaded)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT location, source_id FROM sources";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _known[reader.GetString(0)] = reader.GetInt32(1);
            }

            _loaded = true;
        }

        var next = _known.Count == 0 ? 1 : _known.Values.Max() + 1;
        string? previous = null;
        foreach (var e in events)
        {
            // Events arrive grouped by file: skip the lookup while the path is the same string instance.
            if (e.SourcePath is not { } path || ReferenceEquals(path, previous))
            {
                continue;
            }

            previous = path;
            if (!_known.ContainsKey(path) && !_pending.ContainsKey(path))
            {
                _pending[path] = next++;
            }
        }

        if (_pending.Count > 0)
        {
            using var appender = connection.CreateAppender("sources");
            foreach (var (location, id) in _pending)
            {
                appender.CreateRow().AppendValue(id).AppendValue(location).EndRow();
            }
        }

        return new DuckDbSourceLookup(_known, _pending);
    }

    /// <summary>The transaction that wrote the pending ids committed.</summary>
    public void Commit()
    {
        foreach (var (location, id) in _pending)
        {
            _known[location] = id;
        }

        _pending.Clear();
    }
}
