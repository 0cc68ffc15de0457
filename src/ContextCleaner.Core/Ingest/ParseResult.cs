namespace ContextCleaner.Core.Ingest;

/// <summary>Outcome of parsing one line.</summary>
internal enum ParseResult
{
    /// <summary>One complete JSON object with the expected types.</summary>
    Ok,

    /// <summary>Not one JSON object: truncated, garbage, invalid UTF-8.</summary>
    Malformed,

    /// <summary>Valid JSON, but a field the import needs has the wrong type.</summary>
    Invalid,
}
