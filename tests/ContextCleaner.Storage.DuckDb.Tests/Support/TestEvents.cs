using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>Canonical events for store tests, written straight to the store (no transcript involved).</summary>
internal static class TestEvents
{
    public static TelemetryEvent Request(string key, DateTime timestampUtc, TokenUsage tokens, decimal? computedCostUsd,
        string session = "s1", string project = "p1", string model = HandRequests.Sonnet45, bool isSidechain = false,
        string? speed = null, decimal? reportedCostUsd = null, string? sourcePath = "/transcripts/p1/s1.jsonl") => new()
        {
            Id = EventIdentity.ForApiResponse("msg_" + key, "req_" + key),
            Kind = EventKind.ApiRequest,
            Source = EventSource.Transcript,
            TimestampUtc = timestampUtc,
            SessionId = session,
            Project = project,
            Model = model,
            Tokens = tokens,
            ComputedCostUsd = computedCostUsd,
            ReportedCostUsd = reportedCostUsd,
            Speed = speed,
            MessageId = "msg_" + key,
            RequestId = "req_" + key,
            IsSidechain = isSidechain,
            SourcePath = sourcePath,
            SourceOffset = 0,
        };

    public static TelemetryEvent Other(string uuid, EventKind kind, DateTime timestampUtc, int? attempt = null) => new()
    {
        Id = EventIdentity.ForTranscriptLine(uuid),
        Kind = kind,
        Source = EventSource.Transcript,
        TimestampUtc = timestampUtc,
        SessionId = "s1",
        Project = "p1",
        Model = HandRequests.Sonnet45,
        Attempt = attempt,
        StatusCode = kind == EventKind.ApiError ? 529 : null,
        ErrorType = kind == EventKind.ApiError ? "overloaded_error" : null,
        ToolName = kind == EventKind.ToolResult ? "Read" : null,
        ToolSuccess = kind == EventKind.ToolResult ? true : null,
        SourcePath = "/transcripts/p1/s1.jsonl",
        SourceOffset = 100,
        Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["max_retries"] = "10" },
    };

    public static DateTime At(int day, int hour, int minute = 0, int second = 0) =>
        new(2025, 11, day, hour, minute, second, DateTimeKind.Utc);
}
