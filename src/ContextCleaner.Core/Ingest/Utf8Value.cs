using System.Text;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// A JSON string value kept as UTF-8 bytes in a reusable buffer; turned into a <see cref="string"/> only when an
/// event needs it (most lines never do, and a string per field per line was a large share of import time in GC).
/// </summary>
internal sealed class Utf8Value
{
    private byte[] _bytes = new byte[128];

    public int Length { get; private set; } = -1;

    public bool HasValue => Length >= 0;

    public ReadOnlySpan<byte> Span => HasValue ? _bytes.AsSpan(0, Length) : default;

    public void Clear() => Length = -1;

    public void Set(ReadOnlySpan<byte> value)
    {
        if (value.Length > _bytes.Length)
        {
            _bytes = new byte[Math.Max(value.Length, _bytes.Length * 2)];
        }

        value.CopyTo(_bytes);
        Length = value.Length;
    }

    public override string? ToString() => HasValue ? Encoding.UTF8.GetString(Span) : null;
}
