using System.Globalization;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Ingest.Otlp;

public sealed partial class OtlpEventMapper
{
    private const string LlmRequestSpan = "claude_code.llm_request";
    private const string AttemptEvent = "gen_ai.request.attempt";

    private static readonly HashSet<string> SpanColumns = new(StringComparer.Ordinal)
    {
        "session.id", "model", "duration_ms", "request_id", "status_code", "error", "attempt", "tool_name", "success",
    };

    // Every span is kept as an event named after it (durations of interactions, tools, permission waits). An
    // llm_request span also records each HTTP attempt as a span event: the attempts before the last one failed and were
    // retried — with transcripts, the only record of retries that later succeeded — so each becomes an api_error
    // retry; a failed last attempt is the final failure, keyed like the api_error log record of the same request.
    private void MapSpan(OtlpSpan span, Accumulator result)
    {
        var a = span.Attributes;
        if (OtlpTime.ToUtc(span.StartTimeUnixNano) is not { } start)
        {
            result.Reject($"{span.Name}: span without start_time_unix_nano");
            return;
        }

        var session = a.GetString("session.id") ?? a.GetString("gen_ai.conversation.id");
        var model = a.GetString("model");
        var requestId = a.GetString("request_id");
        var bag = Bag(a, SpanColumns, span.Resource) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        bag["span.name"] = span.Name;
        bag["trace_id"] = span.TraceId;
        bag["span_id"] = span.SpanId;
        var end = OtlpTime.ToUtc(span.EndTimeUnixNano);
        result.Events.Add(new TelemetryEvent
        {
            Id = EventIdentity.ForKey("otlp-span", span.TraceId, span.SpanId),
            Kind = EventKind.Other,
            Source = EventSource.Otlp,
            TimestampUtc = start,
            SessionId = session,
            Model = model,
            DurationMs = a.GetLong("duration_ms") ?? (end is { } e && e >= start ? (long)(e - start).TotalMilliseconds : null),
            RequestId = requestId,
            ToolName = a.GetString("tool_name"),
            ToolSuccess = a.GetBool("success"),
            SourcePath = SourceOf(session),
            Attributes = bag,
        });
        if (span.Name == LlmRequestSpan)
        {
            Attempts(span, session, model, requestId, result);
        }
    }

    private static void Attempts(OtlpSpan span, string? session, string? model, string? requestId, Accumulator result)
    {
        var a = span.Attributes;
        var attempts = span.Events.Where(e => e.Name == AttemptEvent).ToList();
        var last = a.GetLong("attempt") ?? attempts.Select(e => e.Attributes.GetLong("attempt") ?? 0).DefaultIfEmpty(0).Max();
        var failed = a.GetBool("success") == false || span.StatusCode == 2;
        foreach (var attempt in attempts)
        {
            var n = attempt.Attributes.GetLong("attempt");
            if (n is not { } number || number <= 0 || number > last || (number == last && !failed) || OtlpTime.ToUtc(attempt.TimeUnixNano) is not { } time)
            {
                continue;
            }

            var final = number == last;
            result.Events.Add(new TelemetryEvent
            {
                Id = final && requestId is not null ? FailureId(requestId, number)
                    : EventIdentity.ForKey("otlp-attempt", span.TraceId + span.SpanId, number.ToString(CultureInfo.InvariantCulture)),
                Kind = EventKind.ApiError,
                Source = EventSource.Otlp,
                TimestampUtc = time,
                SessionId = session,
                Model = model,
                Attempt = (int)Math.Min(number, int.MaxValue),
                StatusCode = final && a.GetLong("status_code") is { } status and >= 0 and <= int.MaxValue ? (int)status : null,
                ErrorMessage = final ? a.GetString("error") ?? span.StatusMessage : null,
                ErrorType = final ? a.GetString("error_class") : null,
                RequestId = final ? requestId : null,
                SourcePath = SourceOf(session),
                Attributes = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["trace_id"] = span.TraceId,
                    ["span_id"] = span.SpanId,
                    ["source"] = final ? "llm_request span: final attempt failed" : "llm_request span: attempt retried",
                },
            });
        }
    }
}
