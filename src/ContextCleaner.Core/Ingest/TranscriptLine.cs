using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// The fields of one transcript line that analytics need. One instance per worker is reused for every line
/// (<see cref="Reset"/>), so parsing allocates only the strings it keeps.
/// </summary>
internal sealed class TranscriptLine
{
    public LineType Type { get; set; }

    public string? Subtype { get; set; }

    public DateTime? Timestamp { get; set; }

    /// <summary>The line's <c>uuid</c>, kept as bytes until an event needs it.</summary>
    public Utf8Value Uuid { get; } = new();

    /// <summary>Model names, one string per distinct name.</summary>
    public StringCache Models { get; } = new();

    public string? RequestId { get; set; }

    public bool IsSidechain { get; set; }

    public bool IsApiErrorMessage { get; set; }

    public decimal? CostUsd { get; set; }

    /// <summary><c>message.id</c>, kept as bytes: it only feeds the event id.</summary>
    public Utf8Value MessageId { get; } = new();

    public string? Model { get; set; }

    public string? RequestedModel { get; set; }

    public bool HasUsage { get; set; }

    public TokenUsage Usage { get; set; }

    public string? Speed { get; set; }

    public string? Text { get; set; }

    public int? ApiErrorStatus { get; set; }

    public string? ApiErrorType { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ErrorFormatted { get; set; }

    public int? ErrorStatus { get; set; }

    public string? ErrorRequestId { get; set; }

    public int? RetryAttempt { get; set; }

    public long? RetryInMs { get; set; }

    public int? MaxRetries { get; set; }

    public string? OriginalModel { get; set; }

    public string? FallbackModel { get; set; }

    public string? Trigger { get; set; }

    public string? Content { get; set; }

    /// <summary>True when <c>message.content</c> was skipped unread (see <see cref="JsonValueSkipper"/>).</summary>
    public bool ContentSkipped { get; set; }

    /// <summary>Per-worker buffer for re-reading the rest of a line after a skipped value.</summary>
    public byte[] Scratch { get; set; } = new byte[4096];

    /// <summary>Why the line was rejected, when it was.</summary>
    public string? Problem { get; set; }

    public void Reset()
    {
        Type = LineType.Other;
        Uuid.Clear();
        MessageId.Clear();
        Subtype = RequestId = Model = RequestedModel = Speed = Text = null;
        ApiErrorType = ErrorCode = ErrorMessage = ErrorFormatted = ErrorRequestId = OriginalModel = FallbackModel = null;
        Trigger = Content = Problem = null;
        Timestamp = null;
        IsSidechain = IsApiErrorMessage = HasUsage = ContentSkipped = false;
        CostUsd = null;
        Usage = default;
        ApiErrorStatus = ErrorStatus = RetryAttempt = MaxRetries = null;
        RetryInMs = null;
    }
}
