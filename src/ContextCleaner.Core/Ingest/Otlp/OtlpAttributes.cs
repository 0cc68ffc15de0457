namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// The attributes of a resource, scope, record, data point or span, in wire order. Lookups take the last value of a
/// repeated key (as OTel SDKs do when they overwrite one) and convert leniently (see <see cref="OtlpValue"/>).
/// </summary>
public sealed class OtlpAttributes(IReadOnlyList<OtlpKeyValue> items) : IReadOnlyList<OtlpKeyValue>
{
    /// <summary>No attributes.</summary>
    public static OtlpAttributes None { get; } = new([]);

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public OtlpKeyValue this[int index] => items[index];

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public OtlpValue? Find(string key)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (string.Equals(items[i].Key, key, StringComparison.Ordinal))
            {
                return items[i].Value;
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="key"/> as text; null when absent or empty.</summary>
    public string? GetString(string key) => Find(key)?.AsString() is { Length: > 0 } s ? s : null;

    /// <summary>The value of <paramref name="key"/> as an integer; null when absent or not a number.</summary>
    public long? GetLong(string key) => Find(key)?.AsLong();

    /// <summary>The value of <paramref name="key"/> as a double; null when absent or not a number.</summary>
    public double? GetDouble(string key) => Find(key)?.AsDouble();

    /// <summary>The value of <paramref name="key"/> as a bool; null when absent or not a bool.</summary>
    public bool? GetBool(string key) => Find(key)?.AsBool();

    /// <inheritdoc />
    public IEnumerator<OtlpKeyValue> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
