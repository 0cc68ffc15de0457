using System.Text;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Returns one string instance per distinct small UTF-8 value (model names: a handful of distinct values on
/// hundreds of thousands of lines). Per worker; not thread-safe.
/// </summary>
internal sealed class StringCache
{
    private const int Capacity = 64;
    private readonly List<(byte[] Key, string Value)> _entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var (key, value) in _entries)
        {
            if (utf8.SequenceEqual(key))
            {
                return value;
            }
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (_entries.Count < Capacity)
        {
            _entries.Add((utf8.ToArray(), text));
        }

        return text;
    }
}
