using System.Globalization;
using System.Text;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Unescapes a JSON string that <see cref="System.Text.Json.Utf8JsonReader.GetString"/> refuses because it escapes an
/// unpaired surrogate (<c>"\ud83d"</c>, valid JSON that JavaScript's <c>JSON.stringify</c> writes for half an emoji);
/// each unpaired surrogate becomes U+FFFD. The input is the raw text of a string the reader has already validated.
/// </summary>
internal static class JsonStringUnescaper
{
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0 || backslash + 1 >= raw.Length)
            {
                builder.Append(Encoding.UTF8.GetString(raw));
                break;
            }

            builder.Append(Encoding.UTF8.GetString(raw[..backslash]));
            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            switch (escape)
            {
                case (byte)'b': builder.Append('\b'); break;
                case (byte)'f': builder.Append('\f'); break;
                case (byte)'n': builder.Append('\n'); break;
                case (byte)'r': builder.Append('\r'); break;
                case (byte)'t': builder.Append('\t'); break;
                case (byte)'u' when raw.Length >= 4 && ushort.TryParse(raw[..4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    builder.Append((char)unit);
                    raw = raw[4..];
                    break;
                default: builder.Append((char)escape); break;    // " \ /
            }
        }

        for (var i = 0; i < builder.Length; i++)
        {
            if (char.IsHighSurrogate(builder[i]) && i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(builder[i]))
            {
                builder[i] = '\uFFFD';
            }
        }

        return builder.ToString();
    }
}
