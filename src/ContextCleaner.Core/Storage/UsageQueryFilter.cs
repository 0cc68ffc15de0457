namespace ContextCleaner.Core.Storage;

/// <summary>
/// The WHERE clause of a <see cref="UsageQuery"/>, the same conditions for every SQL store; each store only says how
/// its dialect writes a parameter (<c>$name</c> in DuckDB, <c>{name:Type}</c> in ClickHouse). Values are always
/// parameters, never part of the SQL text.
/// </summary>
public static class UsageQueryFilter
{
    /// <summary>The clause (empty when nothing filters) and its parameters.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="placeholder">The dialect's placeholder for a parameter name and its value.</param>
    public static (string Where, List<(string Name, object? Value)> Parameters) Where(UsageQuery query, Func<string, object, string> placeholder)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(placeholder);
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string column, string comparison, string name, object value)
        {
            conditions.Add($"{column} {comparison} {placeholder(name, value)}");
            parameters.Add((name, value));
        }

        if (query.FromUtc is { } from)
        {
            Add("ts", ">=", "from_utc", from);
        }

        if (query.ToUtc is { } to)
        {
            Add("ts", "<", "to_utc", to);
        }

        if (query.Project is { } project)
        {
            Add("project", "=", "project", project);
        }

        if (query.SessionId is { } session)
        {
            Add("session_id", "=", "session", session);
        }

        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters);
    }
}
