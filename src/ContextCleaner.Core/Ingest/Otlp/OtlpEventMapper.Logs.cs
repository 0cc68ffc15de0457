using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Core.Ingest.Otlp;

public sealed partial class OtlpEventMapper
{
    private const string EventPrefix = "claude_code.";

    // Attributes that become columns (or the id, or the source offset), or restate one (cost_usd_micros), or describe
    // the terminal rather than the event: not repeated in the bag. user.id and prompt.id stay.
    private static readonly HashSet<string> LogColumns = new(StringComparer.Ordinal)
    {
        "session.id", "event.name", "event.timestamp", "event.sequence", "model", "input_tokens", "output_tokens", "cache_read_tokens",
        "cache_creation_tokens", "cache_creation_5m_tokens", "cache_creation_1h_tokens", "cost_usd", "cost_usd_micros", "duration_ms",
        "speed", "request_id", "error", "status_code", "attempt", "total_attempts", "total_retry_duration_ms", "tool_name", "success",
        "terminal.type", "anthropic.provider", "anthropic.custom_base_url",
    };

    private void MapLog(OtlpLogRecord record, Accumulator result)
    {
        var a = record.Attributes;
        var name = a.GetString("event.name") ?? record.EventName ?? BodyName(record.Body);
        if (string.IsNullOrEmpty(name))
        {
            result.Reject("log record without an event name (no event.name attribute, event_name or claude_code.* body)");
            return;
        }

        var time = OtlpTime.ToUtc(record.TimeUnixNano) ?? OtlpTime.ToUtc(record.ObservedTimeUnixNano)
            ?? EventTimestamp(a.GetString("event.timestamp"));
        if (time is not { } timestamp)
        {
            result.Reject($"{name}: no time (time_unix_nano, observed_time_unix_nano and event.timestamp all missing)");
            return;
        }

        var kind = EventKindNames.FromName(name);
        var session = a.GetString("session.id");
        var requestId = a.GetString("request_id");
        var model = a.GetString("model");
        var bag = Bag(a, LogColumns);
        if (kind == EventKind.Other)
        {
            (bag ??= new Dictionary<string, string>(StringComparer.Ordinal))["event.name"] = name;
        }

        var tokens = kind == EventKind.ApiRequest ? Tokens(a) : default;
        var speed = a.GetString("speed");
        result.Events.Add(new TelemetryEvent
        {
            Id = Identity(kind, name, session, requestId, a, record),
            Kind = kind,
            Source = EventSource.Otlp,
            TimestampUtc = timestamp,
            SessionId = session,
            Model = model,
            Tokens = tokens,
            ReportedCostUsd = kind == EventKind.ApiRequest ? Usd(a.Find("cost_usd")) : null,
            ComputedCostUsd = kind == EventKind.ApiRequest ? CostCalculator.Compute(prices, model, timestamp, tokens, speed) : null,
            Speed = speed,
            DurationMs = kind == EventKind.ApiRetriesExhausted ? a.GetLong("total_retry_duration_ms") : a.GetLong("duration_ms"),
            StatusCode = a.GetLong("status_code") is { } status and >= int.MinValue and <= int.MaxValue ? (int)status : null,
            ErrorMessage = a.GetString("error"),
            Attempt = (kind == EventKind.ApiRetriesExhausted ? a.GetLong("total_attempts") : a.GetLong("attempt")) is { } n and >= 0 and <= int.MaxValue ? (int)n : null,
            ToolName = a.GetString("tool_name"),
            ToolSuccess = a.GetBool("success"),
            RequestId = requestId,
            SourcePath = SourceOf(session),
            SourceOffset = a.GetLong("event.sequence"),
            Attributes = bag,
        });
    }

    // api_request shares the transcript's id (request id); a final failure shares the id of the same failure seen in a
    // trace; everything else is keyed by what makes a record unique within Claude Code's export: session, name,
    // per-process sequence number and time (an exporter retry re-sends identical records, so they get identical ids).
    private static Guid Identity(EventKind kind, string name, string? session, string? requestId, OtlpAttributes a, OtlpLogRecord record)
    {
        if (kind == EventKind.ApiRequest && requestId is not null)
        {
            return EventIdentity.ForApiRequest(requestId);
        }

        if (kind == EventKind.ApiError && requestId is not null && a.GetLong("attempt") is { } attempt)
        {
            return FailureId(requestId, attempt);
        }

        return EventIdentity.ForKey("otlp-log", $"{session}\u001f{name}\u001f{a.GetString("user.id")}",
            $"{a.GetString("event.sequence")}\u001f{Nanos(record.TimeUnixNano)}\u001f{Nanos(record.ObservedTimeUnixNano)}");
    }

    private static Guid FailureId(string requestId, long attempt) =>
        EventIdentity.ForKey("api-failure", requestId, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // The 5-minute/1-hour split is sent since Claude Code 2.x; older exports have only the total (billed as 5-minute).
    private static TokenUsage Tokens(OtlpAttributes a)
    {
        var write5m = a.GetLong("cache_creation_5m_tokens");
        var write1h = a.GetLong("cache_creation_1h_tokens");
        if (write5m is null && write1h is null)
        {
            write5m = a.GetLong("cache_creation_tokens");
        }

        return new TokenUsage(a.GetLong("input_tokens") ?? 0, a.GetLong("output_tokens") ?? 0, a.GetLong("cache_read_tokens") ?? 0,
            write5m ?? 0, write1h ?? 0);
    }

    private static DateTime? EventTimestamp(string? iso) =>
        iso is not null && IsoTimestamp.TryParse(System.Text.Encoding.UTF8.GetBytes(iso), out var utc) ? utc : null;

    private static string? BodyName(OtlpValue body) =>
        body.Kind == OtlpValueKind.StringValue && body.StringValue!.StartsWith(EventPrefix, StringComparison.Ordinal)
            ? body.StringValue[EventPrefix.Length..]
            : null;
}
