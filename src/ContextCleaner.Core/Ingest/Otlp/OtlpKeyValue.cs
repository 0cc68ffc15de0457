namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>An OTLP <c>KeyValue</c>.</summary>
/// <param name="Key">The attribute name.</param>
/// <param name="Value">Its value.</param>
public readonly record struct OtlpKeyValue(string Key, OtlpValue Value);
