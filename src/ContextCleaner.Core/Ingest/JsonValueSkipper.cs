using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Finds the end of one JSON value in raw UTF-8 and validates its grammar, without materializing tokens: strings are
/// crossed with a vectorized search for a quote, a backslash or a control character, containers by a small state
/// machine. Used for the bulky <c>message.content</c> of assistant lines (text, thinking and tool inputs: most of
/// their bytes), which analytics never read but which must still be valid JSON for the line to count.
/// </summary>
internal static class JsonValueSkipper
{
    private const int MaxDepth = 256;
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create(StringSpecialBytes());

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

    /// <summary>From just after a string's opening quote: the index after its closing quote; -1 when the string is not valid.</summary>
    public static int SkipString(ReadOnlySpan<byte> json, int i)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            // 32 bytes at a time, escapes handled inside the block: content text has a \n or \" every few dozen bytes,
            // and restarting a search after each one cost more than the search itself.
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)0x20);
            ref var start = ref MemoryMarshal.GetReference(json);
            while (i <= json.Length - Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i);
                var mask = (Vector256.Equals(block, quote) | Vector256.Equals(block, backslash) | Vector256.LessThan(block, space)).ExtractMostSignificantBits();
                var blockEnd = i + Vector256<byte>.Count;
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    var next = Special(json, at);
                    if (next <= 0)
                    {
                        return StringEnd(next);
                    }

                    if (next >= blockEnd)
                    {
                        i = next;
                        goto NextBlock;
                    }

                    mask &= uint.MaxValue << (next - i);
                }

                i = blockEnd;
            NextBlock:;
            }
        }

        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(StringSpecial);
            if (next < 0)
            {
                return -1;
            }

            var after = Special(json, i + next);
            if (after <= 0)
            {
                return StringEnd(after);
            }

            i = after;
        }

        return -1;
    }

    // What SkipString returns for a non-positive answer of Special: the index after the closing quote, or -1.
    private static int StringEnd(int special) => special == 0 ? -1 : -special;

    // At a quote, backslash or control byte of a string: the index after an escape (always > 0); -(index after the
    // quote) at the closing quote; 0 for anything invalid (a raw control character, a bad or cut escape).
    private static int Special(ReadOnlySpan<byte> json, int at)
    {
        switch (json[at])
        {
            case (byte)'"':
                return -(at + 1);
            case (byte)'\\':
                if (at + 1 >= json.Length)
                {
                    return 0;
                }

                var escaped = json[at + 1];
                if (escaped == (byte)'u')
                {
                    return at + 6 <= json.Length && IsHex(json.Slice(at + 2, 4)) ? at + 6 : 0;
                }

                return escaped is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' ? at + 2 : 0;
            default:
                return 0;      // a raw control character
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

    private static byte[] StringSpecialBytes()
    {
        var bytes = new byte[34];
        for (var b = 0; b < 32; b++)
        {
            bytes[b] = (byte)b;
        }

        bytes[32] = (byte)'"';
        bytes[33] = (byte)'\\';
        return bytes;
    }
}
