namespace ContextCleaner.Core.Ingest;

/// <summary>What <see cref="PlainJson"/> found at a value.</summary>
internal enum PlainToken
{
    /// <summary>Outside the plain subset, or not valid JSON: read it with a full reader instead.</summary>
    Unusual,

    /// <summary>A string without escapes.</summary>
    String,

    /// <summary>A non-negative integer.</summary>
    Number,

    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A value of another kind than the one asked for (not read).</summary>
    Other,
}
