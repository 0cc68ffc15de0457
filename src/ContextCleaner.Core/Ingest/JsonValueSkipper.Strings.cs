using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContextCleaner.Core.Ingest;

internal static partial class JsonValueSkipper
{
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create(StringSpecialBytes());

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
