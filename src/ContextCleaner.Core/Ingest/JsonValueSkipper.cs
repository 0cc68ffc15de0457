using System.Buffers;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Finds the end of one JSON value in raw UTF-8 without tokenizing it: strings are skipped with a vectorized search
/// for <c>"</c> and <c>\</c>, containers by bracket matching. Used for the bulky <c>message.content</c> of assistant
/// lines (text, thinking and tool inputs: most of their bytes), which analytics never read. It checks structure
/// (balanced, matching brackets, terminated strings), not every token; a truncated line is still caught.
/// </summary>
internal static class JsonValueSkipper
{
    private const int MaxDepth = 256;
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"[]{}"u8);
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create("\"\\"u8);

    /// <summary>The index just after the value starting at or after <paramref name="start"/> (whitespace and a colon skipped); -1 when malformed.</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int start)
    {
        var i = start;
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)':')
        {
            i++;
        }

        if (i >= json.Length)
        {
            return -1;
        }

        return json[i] switch
        {
            (byte)'"' => SkipString(json, i + 1),
            (byte)'[' or (byte)'{' => SkipContainer(json, i),
            _ => SkipScalar(json, i),
        };
    }

    private static int SkipContainer(ReadOnlySpan<byte> json, int i)
    {
        Span<byte> closers = stackalloc byte[MaxDepth];
        var depth = 0;
        while (i < json.Length)
        {
            var c = json[i];
            switch (c)
            {
                case (byte)'"':
                    i = SkipString(json, i + 1);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case (byte)'[' or (byte)'{':
                    if (depth == MaxDepth)
                    {
                        return -1;
                    }

                    closers[depth++] = c == (byte)'[' ? (byte)']' : (byte)'}';
                    i++;
                    break;
                case (byte)']' or (byte)'}':
                    if (depth == 0 || closers[--depth] != c)
                    {
                        return -1;
                    }

                    i++;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
                default:
                    var next = json[i..].IndexOfAny(Structural);
                    if (next < 0)
                    {
                        return -1;
                    }

                    i += next;
                    break;
            }
        }

        return -1;
    }

    // i is just after the opening quote; returns the index after the closing quote.
    private static int SkipString(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(StringSpecial);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (json[i] == (byte)'"')
            {
                return i + 1;
            }

            i += 2;     // a backslash escapes the next byte
        }

        return -1;
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' '))
        {
            i++;
        }

        return i;
    }
}
