using ContextCleaner.Core.Events;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// Gives every source file or endpoint a small integer id (table <c>sources</c>), so events carry an id instead of
/// repeating a long path, and records the session and project of the source's first event, which its events then need
/// not repeat. Ids are read and assigned inside the writing transaction, so two writers (two stores on one file in one
/// process share a DuckDB instance) never hand out the same id.
/// </summary>
internal static class DuckDbSourceRegistry
{
    /// <summary>The sources of <paramref name="events"/>, registering the new ones.</summary>
    public static async Task<DuckDbSourceLookup> ResolveAsync(DuckDBConnection connection, IEnumerable<TelemetryEvent> events, CancellationToken cancellationToken) =>
        Register(connection, await LoadAsync(connection, cancellationToken).ConfigureAwait(false), events);

    /// <summary>Every stored source by location.</summary>
    public static async Task<Dictionary<string, DuckDbSource>> LoadAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, DuckDbSource>(StringComparer.Ordinal);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT location, source_id, session_id, project FROM sources";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known[reader.GetString(0)] = new DuckDbSource(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return known;
    }

    /// <summary>
    /// Stores the sources of <paramref name="events"/> missing from <paramref name="known"/> (which <see cref="LoadAsync"/>
    /// read in this transaction) and adds them to it: a transaction writing several batches loads once.
    /// </summary>
    public static DuckDbSourceLookup Register(DuckDBConnection connection, Dictionary<string, DuckDbSource> known, IEnumerable<TelemetryEvent> events)
    {
        var added = new Dictionary<string, DuckDbSource>(StringComparer.Ordinal);
        var next = known.Count == 0 ? 1 : known.Values.Max(s => s.Id) + 1;
        string? previous = null;
        foreach (var e in events)
        {
            // Events arrive grouped by file: skip the lookup while the path is the same string instance.
            if (e.SourcePath is not { } path || ReferenceEquals(path, previous))
            {
                continue;
            }

            previous = path;
            if (!known.ContainsKey(path) && !added.ContainsKey(path))
            {
                added[path] = new DuckDbSource(next++, e.SessionId, e.Project);
            }
        }

        if (added.Count > 0)
        {
            using var appender = connection.CreateAppender("sources");
            foreach (var (location, source) in added)
            {
                appender.CreateRow().AppendValue(source.Id).AppendValue(location).AppendValue(source.SessionId).AppendValue(source.Project).EndRow();
                known[location] = source;
            }
        }

        return new DuckDbSourceLookup(known);
    }
}
