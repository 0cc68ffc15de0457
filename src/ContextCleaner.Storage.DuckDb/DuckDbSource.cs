namespace ContextCleaner.Storage.DuckDb;

/// <summary>A row of <c>sources</c>: its id and the session and project its events share (NULL in their own rows).</summary>
internal readonly record struct DuckDbSource(int Id, string? SessionId, string? Project)
{
    /// <summary>The value to store in an event row: NULL when the source already says it.</summary>
    public string? SessionIdColumn(string? sessionId) => string.Equals(sessionId, SessionId, StringComparison.Ordinal) ? null : sessionId;

    /// <inheritdoc cref="SessionIdColumn"/>
    public string? ProjectColumn(string? project) => string.Equals(project, Project, StringComparison.Ordinal) ? null : project;
}
