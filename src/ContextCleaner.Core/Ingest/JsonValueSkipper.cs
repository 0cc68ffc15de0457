namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Finds the end of one JSON value in raw UTF-8 and validates its grammar, without materializing tokens: strings are
/// crossed with a vectorized search for a quote, a backslash or a control character, containers by a small state
/// machine. Used for the bulky <c>message.content</c> of assistant lines (text, thinking and tool inputs: most of
/// their bytes), which analytics never read but which must still be valid JSON for the line to count.
/// </summary>
internal static partial class JsonValueSkipper
{
    private const int MaxDepth = 256;

    private enum Expect
    {
        Value,
        ValueOrClose,
        Key,
        KeyOrClose,
        Colon,
        CommaOrClose,
    }

    /// <summary>The index just after the value at <paramref name="start"/> (leading whitespace and one colon skipped); -1 when it is not valid JSON.</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int start)
    {
        var i = SkipWhitespace(json, start);
        if (i < json.Length && json[i] == (byte)':')
        {
            i = SkipWhitespace(json, i + 1);
        }

        Span<bool> isObject = stackalloc bool[MaxDepth];
        var depth = 0;
        var expect = Expect.Value;
        while (true)
        {
            i = SkipWhitespace(json, i);
            if (i >= json.Length)
            {
                return -1;
            }

            var c = json[i];
            switch (expect)
            {
                case Expect.ValueOrClose when c == (byte)']':
                case Expect.KeyOrClose when c == (byte)'}':
                case Expect.CommaOrClose when c == (isObject[depth - 1] ? (byte)'}' : (byte)']'):
                    i++;
                    if (--depth == 0)
                    {
                        return i;
                    }

                    expect = Expect.CommaOrClose;
                    break;
                case Expect.CommaOrClose when c == (byte)',':
                    i++;
                    expect = isObject[depth - 1] ? Expect.Key : Expect.Value;
                    break;
                case Expect.Key or Expect.KeyOrClose when c == (byte)'"':
                    i = SkipString(json, i + 1);
                    expect = Expect.Colon;
                    break;
                case Expect.Colon when c == (byte)':':
                    i++;
                    expect = Expect.Value;
                    break;
                case Expect.Value or Expect.ValueOrClose:
                    if (c is (byte)'{' or (byte)'[')
                    {
                        if (depth == MaxDepth)
                        {
                            return -1;
                        }

                        isObject[depth++] = c == (byte)'{';
                        i++;
                        expect = c == (byte)'{' ? Expect.KeyOrClose : Expect.ValueOrClose;
                        continue;
                    }

                    i = c == (byte)'"' ? SkipString(json, i + 1) : SkipScalar(json, i);
                    if (depth == 0 || i < 0)
                    {
                        return i;
                    }

                    expect = Expect.CommaOrClose;
                    break;
                default:
                    return -1;
            }

            if (i < 0)
            {
                return -1;
            }
        }
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int i)
    {
        var rest = json[i..];
        if (rest.StartsWith("true"u8) || rest.StartsWith("null"u8))
        {
            return i + 4;
        }

        if (rest.StartsWith("false"u8))
        {
            return i + 5;
        }

        // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        var j = i;
        if (j < json.Length && json[j] == (byte)'-')
        {
            j++;
        }

        if (j < json.Length && json[j] == (byte)'0')
        {
            j++;
        }
        else if (!Digits(json, ref j))
        {
            return -1;
        }

        if (j < json.Length && json[j] == (byte)'.')
        {
            j++;
            if (!Digits(json, ref j))
            {
                return -1;
            }
        }

        if (j < json.Length && json[j] is (byte)'e' or (byte)'E')
        {
            j++;
            if (j < json.Length && json[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            if (!Digits(json, ref j))
            {
                return -1;
            }
        }

        return j;
    }

    private static bool Digits(ReadOnlySpan<byte> json, ref int j)
    {
        var start = j;
        while (j < json.Length && json[j] is >= (byte)'0' and <= (byte)'9')
        {
            j++;
        }

        return j > start;
    }

    private static bool IsHex(ReadOnlySpan<byte> digits)
    {
        foreach (var d in digits)
        {
            if (d is not ((>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first index from <paramref name="i"/> on that is not JSON whitespace (or the length).</summary>
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }
}
