using System.Text.Json;
using ContextCleaner.Core.Events;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// Writes a <see cref="TelemetryEvent"/> as one appender row, in the column order of its table. Session and project
/// stay NULL when the event's source already records them.
/// </summary>
internal static class DuckDbEventColumns
{
    /// <summary>A row of <c>api_requests</c>.</summary>
    public static void AppendRequest(DuckDBAppender appender, TelemetryEvent e, DuckDbSource? source) =>
        appender.CreateRow()
            .AppendValue(e.Id)
            .AppendValue(e.TimestampUtc)
            .AppendValue(source is { } s ? s.SessionIdColumn(e.SessionId) : e.SessionId)
            .AppendValue(source is { } p ? p.ProjectColumn(e.Project) : e.Project)
            .AppendValue(e.Model)
            .AppendValue(e.Tokens.Input)
            .AppendValue(e.Tokens.Output)
            .AppendValue(e.Tokens.CacheRead)
            .AppendValue(e.Tokens.CacheWrite5m)
            .AppendValue(e.Tokens.CacheWrite1h)
            .AppendValue(Usd(e.ReportedCostUsd))
            .AppendValue(Usd(e.ComputedCostUsd))
            .AppendValue(e.Speed)
            .AppendValue(e.RequestId)
            .AppendValue(e.IsSidechain)
            .AppendValue(e.DurationMs)
            .AppendValue(source?.Id)
            .AppendValue(e.SourceOffset)
            .AppendValue(Attributes(e))
            .EndRow();

    /// <summary>A row of <c>events</c> (every kind but API requests).</summary>
    public static void AppendEvent(DuckDBAppender appender, TelemetryEvent e, DuckDbSource? source) =>
        appender.CreateRow()
            .AppendValue(e.Id)
            .AppendValue(EventKindNames.ToName(e.Kind))
            .AppendValue(e.TimestampUtc)
            .AppendValue(source is { } s ? s.SessionIdColumn(e.SessionId) : e.SessionId)
            .AppendValue(source is { } p ? p.ProjectColumn(e.Project) : e.Project)
            .AppendValue(e.Model)
            .AppendValue(e.DurationMs)
            .AppendValue(e.StatusCode)
            .AppendValue(e.ErrorMessage)
            .AppendValue(e.ErrorType)
            .AppendValue(e.Attempt)
            .AppendValue(e.RetryInMs)
            .AppendValue(e.ToolName)
            .AppendValue(e.ToolSuccess)
            .AppendValue(e.MessageId)
            .AppendValue(e.RequestId)
            .AppendValue(e.IsSidechain)
            .AppendValue(source?.Id)
            .AppendValue(e.SourceOffset)
            .AppendValue(Attributes(e))
            .EndRow();

    // The appender truncates digits beyond the column's scale (12); round instead, so 0.0807337499999999 stays $0.08073375.
    private static decimal? Usd(decimal? value) => value is { } usd ? decimal.Round(usd, 12, MidpointRounding.ToEven) : null;

    private static string? Attributes(TelemetryEvent e) =>
        e.Attributes is { Count: > 0 } attributes ? JsonSerializer.Serialize(attributes, DuckDbJsonContext.Default.IReadOnlyDictionaryStringString) : null;
}
