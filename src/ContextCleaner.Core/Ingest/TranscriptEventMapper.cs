using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Core.Ingest;

/// <summary>Turns a parsed transcript line into a canonical event (see claude-code-real-telemetry.md §7.1 for the line kinds).</summary>
internal static class TranscriptEventMapper
{
    public static LineOutcome Map(TranscriptLine line, TranscriptFile file, long offset, PriceTable prices, out TelemetryEvent? telemetryEvent)
    {
        telemetryEvent = null;
        var isSynthetic = line.IsApiErrorMessage || line.Model == ModelNames.Synthetic;
        LineOutcome outcome;
        if (line.HasUsage && !isSynthetic)
        {
            outcome = LineOutcome.Usage;
        }
        else if (isSynthetic && line.Type == LineType.Assistant)
        {
            outcome = LineOutcome.ApiError;
        }
        else if (line.Type == LineType.System && line.Subtype == "api_error")
        {
            outcome = LineOutcome.Retry;
        }
        else if (line.Type == LineType.System && line.Subtype is "model_fallback" or "compact_boundary")
        {
            outcome = LineOutcome.OtherEvent;
        }
        else
        {
            return LineOutcome.Ignored;
        }

        if (line.Timestamp is not { } timestamp)
        {
            line.Problem = "no timestamp";
            return LineOutcome.Invalid;
        }

        telemetryEvent = outcome switch
        {
            LineOutcome.Usage => Usage(line, file, offset, timestamp, prices),
            LineOutcome.ApiError => FinalError(line, file, offset, timestamp),
            LineOutcome.Retry => Retry(line, file, offset, timestamp),
            _ => Other(line, file, offset, timestamp),
        };
        return outcome;
    }

    private static TelemetryEvent Usage(TranscriptLine line, TranscriptFile file, long offset, DateTime timestamp, PriceTable prices) => new()
    {
        Id = line.RequestId is { } requestId ? EventIdentity.ForApiRequest(requestId)
            : line.MessageId.HasValue ? EventIdentity.ForApiResponse(line.MessageId.Span, null) : LineId(line, file, offset),
        Kind = EventKind.ApiRequest,
        Source = EventSource.Transcript,
        TimestampUtc = timestamp,
        SessionId = file.SessionId,
        Project = file.Project,
        Model = line.Model,
        Tokens = line.Usage,
        ReportedCostUsd = line.CostUsd,
        ComputedCostUsd = CostCalculator.Compute(prices, line.Model, timestamp, line.Usage, line.Speed),
        Speed = line.Speed,
        RequestId = line.RequestId,
        IsSidechain = line.IsSidechain,
        SourcePath = file.Path,
        SourceOffset = offset,
    };

    private static TelemetryEvent FinalError(TranscriptLine line, TranscriptFile file, long offset, DateTime timestamp) => new()
    {
        Id = LineId(line, file, offset),
        Kind = EventKind.ApiError,
        Source = EventSource.Transcript,
        TimestampUtc = timestamp,
        SessionId = file.SessionId,
        Project = file.Project,
        Model = line.RequestedModel,
        StatusCode = line.ApiErrorStatus ?? ApiErrorText.LeadingStatus(line.Text),
        ErrorType = line.ApiErrorType ?? ApiErrorText.ErrorType(line.Text),
        ErrorMessage = line.Text,
        RequestId = line.RequestId,
        IsSidechain = line.IsSidechain,
        SourcePath = file.Path,
        SourceOffset = offset,
        Attributes = line.ErrorCode is { } code ? new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = code } : null,
    };

    private static TelemetryEvent Retry(TranscriptLine line, TranscriptFile file, long offset, DateTime timestamp) => new()
    {
        Id = LineId(line, file, offset),
        Kind = EventKind.ApiError,
        Source = EventSource.Transcript,
        TimestampUtc = timestamp,
        SessionId = file.SessionId,
        Project = file.Project,
        StatusCode = line.ErrorStatus ?? ApiErrorText.LeadingStatus(line.ErrorMessage),
        ErrorType = ApiErrorText.ErrorType(line.ErrorMessage),
        ErrorMessage = line.ErrorFormatted ?? line.ErrorMessage,
        Attempt = line.RetryAttempt,
        RetryInMs = line.RetryInMs,
        RequestId = line.ErrorRequestId,
        IsSidechain = line.IsSidechain,
        SourcePath = file.Path,
        SourceOffset = offset,
        Attributes = line.MaxRetries is { } max
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["max_retries"] = max.ToString(CultureInfo.InvariantCulture) }
            : null,
    };

    private static TelemetryEvent Other(TranscriptLine line, TranscriptFile file, long offset, DateTime timestamp)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, "original_model", line.OriginalModel);
        Add(attributes, "trigger", line.Trigger);
        Add(attributes, "content", line.Content);
        return new TelemetryEvent
        {
            Id = LineId(line, file, offset),
            Kind = line.Subtype == "model_fallback" ? EventKind.ModelFallback : EventKind.Compaction,
            Source = EventSource.Transcript,
            TimestampUtc = timestamp,
            SessionId = file.SessionId,
            Project = file.Project,
            Model = line.FallbackModel,
            IsSidechain = line.IsSidechain,
            SourcePath = file.Path,
            SourceOffset = offset,
            Attributes = attributes.Count > 0 ? attributes : null,
        };
    }

    private static Guid LineId(TranscriptLine line, TranscriptFile file, long offset) =>
        line.Uuid.HasValue ? EventIdentity.ForTranscriptLine(line.Uuid.ToString()!) : EventIdentity.ForPosition(file.Path, offset);

    private static void Add(Dictionary<string, string> attributes, string key, string? value)
    {
        if (value is not null)
        {
            attributes[key] = value;
        }
    }
}
