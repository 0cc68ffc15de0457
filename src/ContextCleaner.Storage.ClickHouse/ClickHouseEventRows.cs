using System.Data.Common;
using System.Text.Json;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// A <see cref="TelemetryEvent"/> as a row of <c>api_requests</c> or <c>events</c> (for the binary insert) and back
/// (for duplicate resolution, which rewrites whole rows).
/// </summary>
internal static class ClickHouseEventRows
{
    public static readonly string[] RequestColumns =
    [
        "event_id", "ts", "session_id", "project", "model", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_5m_tokens",
        "cache_write_1h_tokens", "cost_reported_usd", "cost_computed_usd", "speed", "request_id", "is_sidechain", "duration_ms", "source",
        "source_path", "source_offset", "attributes", "version",
    ];

    public static readonly string[] EventColumns =
    [
        "event_id", "kind", "ts", "session_id", "project", "model", "duration_ms", "status_code", "error_message", "error_type", "attempt",
        "retry_in_ms", "tool_name", "tool_success", "message_id", "request_id", "is_sidechain", "source", "source_path", "source_offset",
        "attributes",
    ];

    public static object?[] Request(TelemetryEvent e, ulong version) =>
    [
        e.Id, e.TimestampUtc, e.SessionId, e.Project, e.Model, e.Tokens.Input, e.Tokens.Output, e.Tokens.CacheRead, e.Tokens.CacheWrite5m,
        e.Tokens.CacheWrite1h, Usd(e.ReportedCostUsd), Usd(e.ComputedCostUsd), e.Speed, e.RequestId, e.IsSidechain, e.DurationMs,
        SourceName(e.Source), e.SourcePath, e.SourceOffset, Attributes(e.Attributes), version,
    ];

    public static object?[] Event(TelemetryEvent e) =>
    [
        e.Id, EventKindNames.ToName(e.Kind), e.TimestampUtc, e.SessionId, e.Project, e.Model, e.DurationMs, e.StatusCode, e.ErrorMessage,
        e.ErrorType, e.Attempt, e.RetryInMs, e.ToolName, e.ToolSuccess, e.MessageId, e.RequestId, e.IsSidechain, SourceName(e.Source),
        e.SourcePath, e.SourceOffset, Attributes(e.Attributes),
    ];

    /// <summary>Reads a row selected as <see cref="RequestColumns"/>, in that order.</summary>
    public static (TelemetryEvent Event, ulong Version) ReadRequest(DbDataReader r) => (new TelemetryEvent
    {
        Id = r.GetGuid(0),
        Kind = EventKind.ApiRequest,
        TimestampUtc = DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc),
        SessionId = String(r, 2),
        Project = String(r, 3),
        Model = String(r, 4),
        Tokens = new TokenUsage(r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)),
        ReportedCostUsd = r.IsDBNull(10) ? null : r.GetDecimal(10),
        ComputedCostUsd = r.IsDBNull(11) ? null : r.GetDecimal(11),
        Speed = String(r, 12),
        RequestId = String(r, 13),
        IsSidechain = r.GetBoolean(14),
        DurationMs = r.IsDBNull(15) ? null : r.GetInt64(15),
        Source = r.GetString(16) == "otlp" ? EventSource.Otlp : EventSource.Transcript,
        SourcePath = String(r, 17),
        SourceOffset = r.IsDBNull(18) ? null : r.GetInt64(18),
        Attributes = r.IsDBNull(19) ? null : JsonSerializer.Deserialize(r.GetString(19), ClickHouseJsonContext.Default.DictionaryStringString),
    }, Convert.ToUInt64(r.GetValue(20), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A copy of a request with other costs, timing, speed or attributes (the rest is identity and stays).</summary>
    public static TelemetryEvent With(TelemetryEvent e, decimal? reportedCostUsd, decimal? computedCostUsd, long? durationMs, string? speed,
        IReadOnlyDictionary<string, string>? attributes) => new()
        {
            Id = e.Id,
            Kind = e.Kind,
            Source = e.Source,
            TimestampUtc = e.TimestampUtc,
            SessionId = e.SessionId,
            Project = e.Project,
            Model = e.Model,
            Tokens = e.Tokens,
            ReportedCostUsd = reportedCostUsd,
            ComputedCostUsd = computedCostUsd,
            Speed = speed,
            DurationMs = durationMs,
            StatusCode = e.StatusCode,
            ErrorMessage = e.ErrorMessage,
            ErrorType = e.ErrorType,
            Attempt = e.Attempt,
            RetryInMs = e.RetryInMs,
            ToolName = e.ToolName,
            ToolSuccess = e.ToolSuccess,
            MessageId = e.MessageId,
            RequestId = e.RequestId,
            IsSidechain = e.IsSidechain,
            SourcePath = e.SourcePath,
            SourceOffset = e.SourceOffset,
            Attributes = attributes,
        };

    public static string SourceName(EventSource source) => source == EventSource.Otlp ? "otlp" : "transcript";

    // Decimal(18, 12) would reject or truncate more digits; round as the DuckDB store does, so both store the same cost.
    private static decimal? Usd(decimal? value) => value is { } usd ? decimal.Round(usd, 12, MidpointRounding.ToEven) : null;

    // An empty map is stored as NULL, as DuckDB does, so "the other copy knows attributes" means the same in both stores.
    private static string? Attributes(IReadOnlyDictionary<string, string>? attributes) =>
        attributes is { Count: > 0 } a ? JsonSerializer.Serialize(a, ClickHouseJsonContext.Default.IReadOnlyDictionaryStringString) : null;

    private static string? String(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
