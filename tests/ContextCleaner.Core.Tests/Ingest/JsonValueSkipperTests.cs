using System.Text;
using System.Text.Json;
using ContextCleaner.Core.Ingest;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

/// <summary>
/// The skipper's string scan (32 bytes at a time, escapes handled inside a block) against a byte-by-byte reading of
/// the JSON grammar and against System.Text.Json, on strings that put quotes, escapes and control bytes on every side
/// of the block boundaries.
/// </summary>
public sealed class JsonValueSkipperTests
{
    private static readonly string[] Pieces =
    [
        "a", "hello world ", "é", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\uD83D\\uDE00", "x", "0123456789abcdef0123456789abcdef",
    ];

    private static readonly string[] Bad = ["\\x", "\\u12G4", "\\u12", "\u0001", "\n", "\u001f", "\\"];

    [Theory]
    [InlineData("\"\"", 2)]
    [InlineData("\"abc\",", 5)]
    [InlineData("\"a\\\"b\"", 6)]
    [InlineData("\"ends in backslash\\", -1)]
    [InlineData("\"no end", -1)]
    [InlineData("\"tab\tinside\"", -1)]
    [InlineData("\"\\u00zz\"", -1)]
    public void SkipValue_String_EndsAfterItsClosingQuote(string json, int expected) =>
        JsonValueSkipper.SkipValue(Encoding.UTF8.GetBytes(json), 0).ShouldBe(expected);

    [Fact]
    public void SkipValue_RandomStringsAcrossBlockBoundaries_AgreesWithAByteByByteReading()
    {
        var random = new Random(20261126);
        for (var n = 0; n < 20_000; n++)
        {
            var content = new StringBuilder();
            var pieces = random.Next(0, 40);
            for (var p = 0; p < pieces; p++)
            {
                content.Append(random.Next(60) == 0 ? Bad[random.Next(Bad.Length)] : Pieces[random.Next(Pieces.Length)]);
            }

            var padding = new string(' ', random.Next(0, 40));
            var closed = random.Next(10) != 0;
            var text = padding + "\"" + content + (closed ? "\"" : "") + (random.Next(2) == 0 ? ",\"next\":1}" : "");
            var bytes = Encoding.UTF8.GetBytes(text);

            JsonValueSkipper.SkipValue(bytes, 0).ShouldBe(Reference(bytes, padding.Length), text);
        }
    }

    [Fact]
    public void SkipValue_ValidAndInvalidStrings_AgreesWithSystemTextJson()
    {
        var random = new Random(7);
        for (var n = 0; n < 5_000; n++)
        {
            var content = new StringBuilder();
            var pieces = random.Next(0, 30);
            for (var p = 0; p < pieces; p++)
            {
                content.Append(random.Next(20) == 0 ? Bad[random.Next(Bad.Length - 1)] : Pieces[random.Next(Pieces.Length)]);
            }

            var bytes = Encoding.UTF8.GetBytes("\"" + content + "\"");
            var end = JsonValueSkipper.SkipValue(bytes, 0);
            var valid = IsValidJsonString(bytes);
            (end == bytes.Length).ShouldBe(valid, Encoding.UTF8.GetString(bytes));
        }
    }

    // The grammar read one byte at a time: the index after the string starting at `start`, or -1.
    private static int Reference(byte[] json, int start)
    {
        for (var i = start + 1; i < json.Length; i++)
        {
            var c = json[i];
            if (c == (byte)'"')
            {
                return i + 1;
            }

            if (c < 0x20)
            {
                return -1;
            }

            if (c != (byte)'\\')
            {
                continue;
            }

            if (i + 1 >= json.Length)
            {
                return -1;
            }

            var e = json[i + 1];
            if (e == (byte)'u')
            {
                if (i + 6 > json.Length || !json.AsSpan(i + 2, 4).ToArray().All(b => Uri.IsHexDigit((char)b)))
                {
                    return -1;
                }

                i += 5;
            }
            else if ("\"\\/bfnrt".Contains((char)e, StringComparison.Ordinal))
            {
                i++;
            }
            else
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsValidJsonString(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            return reader.Read() && reader.TokenType == JsonTokenType.String && reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
