using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace ContextCleaner.Core.Ingest.Otlp;

// Moving through objects and arrays, and reading scalars with OTLP/JSON's rules. The Read… helpers are called on a
// property name and move to its value first; the …At helpers read the value the reader is on.
public static partial class OtlpJsonDecoder
{
    private const int NameBufferLength = 64;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Writes the current property name to <paramref name="buffer"/> in lowerCamelCase and returns its length: the spec
    /// says lowerCamelCase only, but hand-written senders use the proto field names (<c>time_unix_nano</c>), so
    /// snake_case is converted. 0 for a name too long to be an OTLP field.
    /// </summary>
    private static int PropertyName(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        // An unescaped name never has more UTF-16 units than bytes, so this bound guarantees CopyString fits.
        if (reader.ValueSpan.Length > buffer.Length)
        {
            return 0;
        }

        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            return 0;           // a lone surrogate escape: no OTLP field has one
        }

        var written = 0;
        var upper = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c == '_' && written > 0)
            {
                upper = true;
                continue;
            }

            buffer[written++] = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
        }

        return written;
    }

    /// <summary>Moves to the value of the current property: true for an object, false for null.</summary>
    private static bool ReadObject(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw WrongType(ref reader, field, "an object"),
        };
    }

    /// <summary>Moves to the value of the current property: true for an array, false for null.</summary>
    private static bool ReadArray(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw WrongType(ref reader, field, "an array"),
        };
    }

    /// <summary>Moves to the next object of the current array, passing over nulls; false at its end.</summary>
    private static bool NextObject(ref Utf8JsonReader reader, string field)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.Null)
            {
                throw WrongType(ref reader, field + "[]", "an object");
            }
        }

        return false;
    }

    /// <summary>Moves to the value of the current property: false when it is null (an absent field).</summary>
    private static bool HasValue(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.Null;

    private static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        if (!HasValue(ref reader))
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.String ? StringAt(ref reader) : throw WrongType(ref reader, field, "a string");
    }

    // Unescaped single-segment strings (all of Claude Code's keys) are looked up without allocating.
    private static string? ReadSharedString(ref Utf8JsonReader reader, string field)
    {
        if (!HasValue(ref reader))
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref reader, field, "a string");
        }

        return !reader.ValueIsEscaped && !reader.HasValueSequence ? OtlpStrings.Get(reader.ValueSpan) : StringAt(ref reader);
    }

    private static string StringAt(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // JSON.stringify writes a lone surrogate (half an emoji cut off by truncation) as "\ud83d"; losing a whole
            // batch over it would be worse than one replacement character.
            return JsonStringUnescaper.Unescape(reader.ValueSpan);
        }
    }

    private static T ReadInteger<T>(ref Utf8JsonReader reader, string field)
        where T : IBinaryInteger<T>, IMinMaxValue<T> => HasValue(ref reader) ? IntegerAt<T>(ref reader, field) : T.Zero;

    /// <summary>64-bit integers come as decimal strings (the spec) or as numbers (OTel-JS for <c>intValue</c>); both are read.</summary>
    private static T IntegerAt<T>(ref Utf8JsonReader reader, string field)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            throw WrongType(ref reader, field, "an integer");
        }

        var text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(StringAt(ref reader)) : reader.ValueSpan;
        if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // "5.0" and "1e3" are integers too (proto3 JSON parsers accept them); decimal holds every 64-bit value exactly.
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number)
            && number >= decimal.CreateTruncating(T.MinValue)
            && number <= decimal.CreateTruncating(T.MaxValue))
        {
            return T.CreateTruncating(number);
        }

        throw Fail(reader.TokenStartIndex, $"{field} is not an integer in range");
    }

    private static double ReadDouble(ref Utf8JsonReader reader, string field) => HasValue(ref reader) ? DoubleAt(ref reader, field) : 0;

    /// <summary>A number, or a string holding one, including proto3 JSON's <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    private static double DoubleAt(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            throw WrongType(ref reader, field, "a number");
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        var text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(StringAt(ref reader)) : reader.ValueSpan;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            ? value
            : throw Fail(reader.TokenStartIndex, $"{field} is not a number");
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string field) => HasValue(ref reader) && BoolAt(ref reader, field);

    private static bool BoolAt(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw WrongType(ref reader, field, "true or false"),
    };

    /// <summary>
    /// A trace or span id: hex in any case (OTLP/JSON's deviation from proto3's base64), returned lowercase; null when
    /// absent or <c>""</c>, which OTel-JS sends for an unset id.
    /// </summary>
    private static string? ReadHexId(ref Utf8JsonReader reader, string field)
    {
        var text = ReadString(ref reader, field);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length % 2 != 0 || text.AsSpan().ContainsAnyExcept(HexDigits))
        {
            throw Fail(reader.TokenStartIndex, $"{field} is not an even number of hex digits");
        }

        return text.ToLowerInvariant();
    }

    /// <summary><c>bytesValue</c>: base64, standard or URL-safe, padded or not (proto3 JSON accepts all four).</summary>
    private static byte[] BytesAt(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref reader, field, "a base64 string");
        }

        var text = StringAt(ref reader).Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var bytes = new byte[text.Length / 4 * 3];
        return Convert.TryFromBase64String(text, bytes, out var written)
            ? bytes[..written]
            : throw Fail(reader.TokenStartIndex, $"{field} is not base64");
    }

    private static OtlpFormatException WrongType(ref Utf8JsonReader reader, string field, string expected) =>
        Fail(reader.TokenStartIndex, $"{field} must be {expected}, not {Describe(reader.TokenType)}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a bool",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
