namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>Which member of OTLP's <c>AnyValue</c> oneof a value holds.</summary>
public enum OtlpValueKind
{
    /// <summary>No value set (an empty <c>AnyValue</c>).</summary>
    Empty,

    /// <summary><c>string_value</c> (1).</summary>
    StringValue,

    /// <summary><c>bool_value</c> (2).</summary>
    BoolValue,

    /// <summary><c>int_value</c> (3).</summary>
    IntValue,

    /// <summary><c>double_value</c> (4).</summary>
    DoubleValue,

    /// <summary><c>array_value</c> (5).</summary>
    ArrayValue,

    /// <summary><c>kvlist_value</c> (6).</summary>
    KeyValueListValue,

    /// <summary><c>bytes_value</c> (7).</summary>
    BytesValue,
}
