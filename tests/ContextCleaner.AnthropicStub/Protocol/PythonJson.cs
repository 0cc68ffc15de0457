using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>
/// Python's <c>json.dumps</c> text of a JSON value (separators <c>", "</c> and <c>": "</c>, key order kept or sorted,
/// <c>ensure_ascii</c> on or off). The Python stub derived token counts and the <c>input_json_delta</c> chunks from
/// that text, so reproducing it keeps the numbers in line with the fixtures.
/// </summary>
internal static class PythonJson
{
    /// <summary><c>json.dumps(value, ensure_ascii=ensureAscii, sort_keys=sortKeys)</c>.</summary>
    public static string Dumps(JsonElement value, bool ensureAscii, bool sortKeys = false)
    {
        var text = new StringBuilder();
        Write(text, value, ensureAscii, sortKeys);
        return text.ToString();
    }

    /// <summary><c>len(text)</c> in Python: code points, so a surrogate pair counts once.</summary>
    public static int PythonLength(string text)
    {
        var length = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                length--;
            }
        }

        return length;
    }

    public static void WriteString(StringBuilder text, string value, bool ensureAscii)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    // ensure_ascii escapes everything outside ' '..'~' (surrogate pairs come out as two escapes, as here).
                    if (c < ' ' || (ensureAscii && c > '~'))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static void Write(StringBuilder text, JsonElement value, bool ensureAscii, bool sortKeys)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = value.EnumerateObject().ToList();
                if (sortKeys)
                {
                    properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                }

                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    WriteString(text, properties[i].Name, ensureAscii);
                    text.Append(": ");
                    Write(text, properties[i].Value, ensureAscii, sortKeys);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(first ? "" : ", ");
                    first = false;
                    Write(text, item, ensureAscii, sortKeys);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, value.GetString()!, ensureAscii);
                break;
            case JsonValueKind.Number:
                text.Append(FormatNumber(value.GetRawText()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // Python keeps integer literals as written and prints floats with repr(); shortest round-trip plus ".0" covers
    // the values requests carry (temperature and the like), exponent forms may differ by a character or two.
    private static string FormatNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") < 0)
        {
            return raw == "-0" ? "0" : raw;
        }

        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        return shortest.AsSpan().IndexOfAny(".E") < 0 ? shortest + ".0" : shortest.Replace("E", "e", StringComparison.Ordinal);
    }
}
