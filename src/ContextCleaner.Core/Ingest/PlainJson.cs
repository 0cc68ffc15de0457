namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Steps through a JSON object's members in raw UTF-8 and reads the simple values a transcript's fields hold: strings
/// without escapes, non-negative integers, booleans, null. Every byte it passes is checked against the JSON grammar
/// (skipped values by <see cref="JsonValueSkipper"/>). Anything outside that subset is reported as
/// <see cref="PlainToken.Unusual"/> (or false) rather than handled, so that a caller can fall back to a full reader.
/// </summary>
internal static class PlainJson
{
    /// <summary>
    /// Moves to the next member of the object at <paramref name="i"/>: its opening brace while <paramref name="first"/>
    /// (set false here), else the end of the previous member's value. True at a member: <paramref name="key"/> is its
    /// name and <paramref name="i"/> the first byte of its value. False at the end of the object (<paramref name="closed"/>,
    /// <paramref name="i"/> after the brace) or at anything else (not <paramref name="closed"/>).
    /// </summary>
    public static bool NextMember(ReadOnlySpan<byte> json, ref int i, ref bool first, out ReadOnlySpan<byte> key, out bool closed)
    {
        key = default;
        closed = false;
        i = JsonValueSkipper.SkipWhitespace(json, i);
        if (first)
        {
            if (i >= json.Length || json[i] != (byte)'{')
            {
                return false;
            }

            i = JsonValueSkipper.SkipWhitespace(json, i + 1);
        }

        if (i >= json.Length)
        {
            return false;
        }

        if (json[i] == (byte)'}')
        {
            i++;
            closed = true;
            return false;
        }

        if (!first)
        {
            if (json[i] != (byte)',')
            {
                return false;
            }

            i = JsonValueSkipper.SkipWhitespace(json, i + 1);
        }

        first = false;
        if (i >= json.Length || json[i] != (byte)'"')
        {
            return false;
        }

        var end = JsonValueSkipper.SkipString(json, i + 1);
        if (end < 0)
        {
            return false;
        }

        key = json[(i + 1)..(end - 1)];
        i = JsonValueSkipper.SkipWhitespace(json, end);
        if (key.Contains((byte)'\\') || i >= json.Length || json[i] != (byte)':')
        {
            return false;
        }

        i = JsonValueSkipper.SkipWhitespace(json, i + 1);
        return i < json.Length && json[i] != (byte)':';
    }

    /// <summary>
    /// At a value: a string without escapes (<paramref name="text"/>, <paramref name="i"/> moved past it),
    /// <see cref="PlainToken.Null"/> (moved past), or <see cref="PlainToken.Other"/> for any other kind of value
    /// (<paramref name="i"/> not moved); <see cref="PlainToken.Unusual"/> for an escaped or invalid string.
    /// </summary>
    public static PlainToken String(ReadOnlySpan<byte> json, ref int i, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (json[i] != (byte)'"')
        {
            return Null(json, ref i) ? PlainToken.Null : PlainToken.Other;
        }

        var end = JsonValueSkipper.SkipString(json, i + 1);
        if (end < 0)
        {
            return PlainToken.Unusual;
        }

        text = json[(i + 1)..(end - 1)];
        if (text.Contains((byte)'\\'))
        {
            return PlainToken.Unusual;
        }

        i = end;
        return PlainToken.String;
    }

    /// <summary>
    /// At a value: a non-negative integer of at most 18 digits (<paramref name="value"/>, <paramref name="i"/> moved past
    /// it), <see cref="PlainToken.Null"/> (moved past), or <see cref="PlainToken.Unusual"/> for anything else (a fraction,
    /// an exponent, a sign, another kind of value).
    /// </summary>
    public static PlainToken Integer(ReadOnlySpan<byte> json, ref int i, out long value)
    {
        value = 0;
        if (Null(json, ref i))
        {
            return PlainToken.Null;
        }

        var j = i;
        while (j < json.Length && json[j] is >= (byte)'0' and <= (byte)'9' && j - i < 18)
        {
            value = (value * 10) + (json[j] - (byte)'0');
            j++;
        }

        var digits = j - i;
        if (digits == 0 || (digits > 1 && json[i] == (byte)'0') || (j < json.Length && json[j] is (byte)'.' or (byte)'e' or (byte)'E' or (>= (byte)'0' and <= (byte)'9')))
        {
            return PlainToken.Unusual;
        }

        i = j;
        return PlainToken.Number;
    }

    /// <summary>At a value: <c>true</c> or <c>false</c>, moved past it; null for any other value (not moved).</summary>
    public static bool? Boolean(ReadOnlySpan<byte> json, ref int i)
    {
        if (json[i..].StartsWith("true"u8))
        {
            i += 4;
            return true;
        }

        if (json[i..].StartsWith("false"u8))
        {
            i += 5;
            return false;
        }

        return null;
    }

    /// <summary>Moves past the value at <paramref name="i"/>; false when it is not valid JSON.</summary>
    public static bool Skip(ReadOnlySpan<byte> json, ref int i)
    {
        var end = JsonValueSkipper.SkipValue(json, i);
        if (end < 0)
        {
            return false;
        }

        i = end;
        return true;
    }

    /// <summary>At a value: <c>null</c>, moved past it; false for any other value (not moved).</summary>
    public static bool Null(ReadOnlySpan<byte> json, ref int i)
    {
        if (!json[i..].StartsWith("null"u8))
        {
            return false;
        }

        i += 4;
        return true;
    }
}
