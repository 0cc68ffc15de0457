namespace ContextCleaner.Core.Ingest;

/// <summary>What a transcript line turned out to be.</summary>
internal enum LineOutcome
{
    /// <summary>Not relevant to analytics (prompts, attachments, bookkeeping).</summary>
    Ignored,

    /// <summary>An API response with usage.</summary>
    Usage,

    /// <summary>A final API failure (<c>&lt;synthetic&gt;</c> assistant line).</summary>
    ApiError,

    /// <summary>A failed attempt that Claude Code retried (<c>system</c>/<c>api_error</c> line).</summary>
    Retry,

    /// <summary>Another event (model fallback, compaction).</summary>
    OtherEvent,

    /// <summary>Well-formed JSON but unusable: wrong types or no timestamp.</summary>
    Invalid,
}
