using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContextCleaner.Core.Ingest;

/// <summary>Parses the ISO-8601 timestamps of transcripts (<c>2025-10-01T09:30:00.123Z</c>) straight from UTF-8.</summary>
internal static class IsoTimestamp
{
    /// <summary>Parses to a UTC <see cref="DateTime"/>; any offset is converted.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime utc)
    {
        if (TryParseFast(text, out utc))
        {
            return true;
        }

        Span<char> chars = stackalloc char[64];
        if (text.Length > chars.Length || Encoding.UTF8.GetChars(text, chars) is var n && n == 0)
        {
            utc = default;
            return false;
        }

        if (DateTimeOffset.TryParse(chars[..n], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            utc = value.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    // yyyy-MM-ddTHH:mm:ss[.f…]Z — what Claude Code writes (JavaScript's toISOString()).
    private static bool TryParseFast(ReadOnlySpan<byte> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || s[^1] != (byte)'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        long ticks = 0;
        var rest = s[19..^1];
        if (rest.Length > 0)
        {
            if (rest[0] != '.' || rest.Length == 1 || rest.Length > 8 || !Digits(rest[1..], out var fraction))
            {
                return false;
            }

            ticks = fraction;
            for (var i = rest.Length - 1; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 1, month)
            || year is < 1 or > 9999 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value) =>
        Utf8Parser.TryParse(s, out value, out var consumed) && consumed == s.Length && s[0] is >= (byte)'0' and <= (byte)'9';
}
