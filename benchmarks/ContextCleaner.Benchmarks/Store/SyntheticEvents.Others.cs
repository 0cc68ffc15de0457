using System.Globalization;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Benchmarks.Store;

internal sealed partial class SyntheticEvents
{
    private static readonly string[] ToolNames = ["Read", "Read", "Read", "Bash", "Bash", "Edit", "Edit", "Grep", "Glob", "Write", "TodoWrite", "Task", "WebFetch"];

    private static readonly (int Status, string Type, string Message)[] Errors =
    [
        (529, "overloaded_error", """529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
        (529, "overloaded_error", """529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
        (529, "overloaded_error", """529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
        (429, "rate_limit_error", """429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization."}}"""),
        (500, "api_error", """500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}"""),
        (400, "invalid_request_error", """400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 204312 tokens > 200000 maximum"}}"""),
    ];

    private TelemetryEvent Tool(long position, SyntheticSession session, DateTime timestamp, ref Draws draws) => new()
    {
        Id = OtlpId(session, position, timestamp, EventKind.ToolResult),
        Kind = EventKind.ToolResult,
        Source = EventSource.Otlp,
        TimestampUtc = timestamp,
        SessionId = session.Id,
        ToolName = ToolNames[draws.Int(ToolNames.Length)],
        ToolSuccess = !draws.Percent(5),
        DurationMs = draws.Long(2, 30_000),
        SourcePath = session.OtlpPath,
        SourceOffset = position,
        Attributes = Bag(session, position, "tool_input_size_bytes", draws.Long(20, 4_000).ToString(CultureInfo.InvariantCulture),
            "tool_result_size_bytes", draws.Long(10, 60_000).ToString(CultureInfo.InvariantCulture)),
    };

    private TelemetryEvent Decision(long position, SyntheticSession session, DateTime timestamp, ref Draws draws) => new()
    {
        Id = OtlpId(session, position, timestamp, EventKind.ToolDecision),
        Kind = EventKind.ToolDecision,
        Source = EventSource.Otlp,
        TimestampUtc = timestamp,
        SessionId = session.Id,
        ToolName = ToolNames[draws.Int(ToolNames.Length)],
        SourcePath = session.OtlpPath,
        SourceOffset = position,
        Attributes = Bag(session, position, "decision", draws.Percent(93) ? "accept" : "reject", "source", draws.Percent(70) ? "config" : "user_temporary"),
    };

    private TelemetryEvent Prompt(long position, SyntheticSession session, DateTime timestamp, ref Draws draws) => new()
    {
        Id = OtlpId(session, position, timestamp, EventKind.UserPrompt),
        Kind = EventKind.UserPrompt,
        Source = EventSource.Otlp,
        TimestampUtc = timestamp,
        SessionId = session.Id,
        SourcePath = session.OtlpPath,
        SourceOffset = position,
        Attributes = Bag(session, position, "prompt_length", draws.Long(5, 2_000).ToString(CultureInfo.InvariantCulture), "prompt", "<REDACTED>"),
    };

    // Transcript sessions: the retry lines Claude Code writes (system/api_error); OpenTelemetry-only sessions: api_error
    // records keyed by request and attempt.
    private TelemetryEvent Failure(long i, long position, SyntheticSession session, DateTime timestamp, ref Draws draws)
    {
        var (status, type, message) = Errors[draws.Int(Errors.Length)];
        var attempt = 1 + (int)(Math.Pow(draws.Unit(), 3) * 10);
        var requestId = string.Create(CultureInfo.InvariantCulture, $"req_011CE{i:x16}");
        if (session.OtlpOnly)
        {
            return new TelemetryEvent
            {
                Id = EventIdentity.ForKey("api-failure", requestId, attempt.ToString(CultureInfo.InvariantCulture)),
                Kind = EventKind.ApiError,
                Source = EventSource.Otlp,
                TimestampUtc = timestamp,
                SessionId = session.Id,
                Model = session.MainModel,
                StatusCode = status,
                ErrorMessage = message,
                Attempt = attempt,
                DurationMs = draws.Long(100, 10_000),
                RequestId = requestId,
                SourcePath = session.OtlpPath,
                SourceOffset = position,
            };
        }

        return new TelemetryEvent
        {
            Id = EventIdentity.ForTranscriptLine(LineUuid(i)),
            Kind = EventKind.ApiError,
            Source = EventSource.Transcript,
            TimestampUtc = timestamp,
            SessionId = session.Id,
            Project = session.Project,
            StatusCode = status,
            ErrorType = type,
            ErrorMessage = message,
            Attempt = attempt,
            RetryInMs = Math.Min(32_000, 500L << (attempt - 1)) + draws.Long(0, 500),
            RequestId = requestId,
            IsSidechain = draws.Percent(8),
            SourcePath = session.TranscriptPath,
            SourceOffset = position * 2_400,
            Attributes = new Dictionary<string, string>(1, StringComparer.Ordinal) { ["max_retries"] = "10" },
        };
    }

    // An OpenTelemetry log record's id as the mapper makes it: session, name and user, then sequence and time.
    private static Guid OtlpId(SyntheticSession session, long position, DateTime timestamp, EventKind kind)
    {
        var nanos = ((timestamp - DateTime.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);
        return EventIdentity.ForKey("otlp-log", $"{session.Id}\u001f{EventKindNames.ToName(kind)}\u001f{session.UserId}",
            string.Create(CultureInfo.InvariantCulture, $"{position}\u001f{nanos}\u001f{nanos}"));
    }

    private static string LineUuid(long i)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Draws.Mix(Seed + 1 + (ulong)i));
        BitConverter.TryWriteBytes(bytes[8..], (ulong)i);
        return new Guid(bytes).ToString();
    }
}
