using System.Text;
using ContextCleaner.Core.Ingest.Otlp;
using FsCheck;
using FsCheck.Fluent;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>Broken JSON, wrong shapes and arbitrary text: always one OtlpFormatException with a one-line message.</summary>
public sealed partial class OtlpJsonDecoderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"resourceLogs\":[}")]
    [InlineData("{\"resourceLogs\":[],}")]
    [InlineData("{'resourceLogs':[]}")]
    [InlineData("{\"resourceLogs\":[]} // comment")]
    [InlineData("{} {}")]
    [InlineData("{} x")]
    [InlineData("nul")]
    [InlineData("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"a\",\"value\":{\"stringValue\":\"unterminated}}]}}]}")]
    public void Decode_InvalidJson_ThrowsOtlpFormatException(string json)
    {
        ShouldFail(Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void Decode_InvalidJsonOnALaterLine_ReportsTheOffsetInTheBody()
    {
        // The reader reports line and byte-in-line; the message gives the offset in the whole body instead.
        const string Json = "{\"resourceLogs\":[\n{},\n{,}]}";

        ShouldFail(Encoding.UTF8.GetBytes(Json)).ShouldEndWith($" at byte {Json.IndexOf("{,", StringComparison.Ordinal) + 1}.");
    }

    [Fact]
    public void Decode_EveryPrefixOfARealBody_ThrowsOtlpFormatException()
    {
        var body = OtlpFixtures.Read(S01Logs);

        for (var length = 0; length < body.Length; length++)
        {
            var message = ShouldFail(body.AsSpan(0, length).ToArray());
            message.ShouldContain("at byte");
        }
    }

    [Theory]
    [InlineData("[]", "the body must be a JSON object, not an array at byte 0")]
    [InlineData("null", "the body must be a JSON object, not null at byte 0")]
    [InlineData("42", "the body must be a JSON object, not a number at byte 0")]
    [InlineData("""{"resourceLogs":"x"}""", "resourceLogs must be an array, not a string at byte 16")]
    [InlineData("""{"resourceLogs":{}}""", "resourceLogs must be an array, not an object at byte 16")]
    [InlineData("""{"resourceLogs":[1]}""", "resourceLogs[] must be an object, not a number at byte 17")]
    [InlineData("""{"resourceLogs":[{"resource":[]}]}""", "resource must be an object, not an array at byte 29")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":7}]}""", "scopeLogs must be an array, not a number at byte 30")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":{}}]}]}""", "logRecords must be an array, not an object at byte 45")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":"text"}]}]}]}""", "body must be an object, not a string at byte 54")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"attributes":{}}]}]}]}""", "logRecords.attributes must be an array, not an object at byte 60")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":-1}]}]}]}""", "timeUnixNano is not an integer in range at byte 62")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"soon"}]}]}]}""", "timeUnixNano is not an integer in range at byte 62")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":1e40}]}]}]}""", "timeUnixNano is not an integer in range at byte 62")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":true}]}]}]}""", "severityNumber must be an integer, not a bool at byte 64")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":9999999999}]}]}]}""", "severityNumber is not an integer in range at byte 64")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"xyz0"}]}]}]}""", "traceId is not an even number of hex digits at byte 57")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"abc"}]}]}]}""", "traceId is not an even number of hex digits at byte 57")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":42}]}]}]}""", "traceId must be a string, not a number at byte 57")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"intValue":1.5}}]}]}]}""", "intValue is not an integer in range at byte 66")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":5}}]}]}]}""", "stringValue must be a string, not a number at byte 69")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"boolValue":"true"}}]}]}]}""", "boolValue must be true or false, not a string at byte 67")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"doubleValue":"lots"}}]}]}]}""", "doubleValue is not a number at byte 69")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"bytesValue":"!!"}}]}]}]}""", "bytesValue is not base64 at byte 68")]
    [InlineData("""{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"arrayValue":[]}}]}]}]}""", "arrayValue must be an object, not an array at byte 68")]
    public void Decode_WrongShape_ThrowsNamingTheFieldAndOffset(string json, string problem)
    {
        ShouldFail(Encoding.UTF8.GetBytes(json)).ShouldBe($"Invalid OTLP/JSON: {problem}.");
    }

    [Fact]
    public void Decode_NestingDepth200_ThrowsOtlpFormatException()
    {
        var value = "{\"stringValue\":\"leaf\"}";
        for (var i = 0; i < 200; i++)
        {
            value = "{\"arrayValue\":{\"values\":[" + value + "]}}";
        }

        var message = ShouldFail(Encoding.UTF8.GetBytes(OneLog.Replace("{\"stringValue\":\"9\"}", value, StringComparison.Ordinal)));

        message.ShouldContain("depth of 64");
    }

    [Fact]
    public void Decode_NestingWithinTheLimit_IsRead()
    {
        // At most 64 levels: 10 for the envelope down to an attribute value, then 3 per nested array (arrayValue
        // object, values array, AnyValue object), so 18 arrays reach level 64 and 19 would need 67.
        static string Json(int arrays)
        {
            var value = "{\"stringValue\":\"leaf\"}";
            for (var i = 0; i < arrays; i++)
            {
                value = "{\"arrayValue\":{\"values\":[" + value + "]}}";
            }

            return """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"attributes":[{"key":"deep","value":""" + value + "}]}]}]}]}";
        }

        Decode(Json(18)).Logs.Single().Attributes.GetString("deep").ShouldBe(new string('[', 18) + "\"leaf\"" + new string(']', 18));
        ShouldFail(Encoding.UTF8.GetBytes(Json(19))).ShouldContain("depth of 64");
    }

    [Fact]
    public void Decode_InvalidUtf8_ThrowsWithItsOffset()
    {
        var bytes = Encoding.UTF8.GetBytes(OneLog);
        var at = OneLog.IndexOf("claude-code", StringComparison.Ordinal);
        bytes[at] = 0xFF;

        ShouldFail(bytes).ShouldBe($"Invalid OTLP/JSON: invalid UTF-8 at byte {at}.");
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public void Decode_ArbitraryText_ReturnsOrThrowsOtlpFormatException(string? text)
    {
        DecodesOrFails(Encoding.UTF8.GetBytes(text ?? "")).ShouldBeTrue();
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public void Decode_ArbitraryBytes_ReturnsOrThrowsOtlpFormatException(byte[] bytes)
    {
        DecodesOrFails(bytes).ShouldBeTrue();
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Decode_RealBodyWithOneByteChanged_ReturnsOrThrowsOtlpFormatException()
    {
        var body = OtlpFixtures.Read(S28Traces);
        var edits =
            from position in Gen.Choose(0, body.Length - 1)
            from value in Gen.Choose(0, 255)
            select (Position: position, Value: (byte)value);

        return Prop.ForAll(edits.ToArbitrary(), edit =>
        {
            var copy = (byte[])body.Clone();
            copy[edit.Position] = edit.Value;
            return DecodesOrFails(copy, OtlpSignal.Traces);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Decode_SoupOfOtlpJsonTokens_ReturnsOrThrowsOtlpFormatException()
    {
        // Near-JSON built from OTLP's keys and shapes, so the decoder gets deep into every branch instead of stopping
        // at the first byte.
        string[] tokens =
        [
            "{", "}", "[", "]", ",", ":", "\"resourceLogs\"", "\"resource\"", "\"scopeLogs\"", "\"scope\"", "\"logRecords\"",
            "\"attributes\"", "\"key\"", "\"value\"", "\"stringValue\"", "\"intValue\"", "\"doubleValue\"", "\"boolValue\"",
            "\"arrayValue\"", "\"kvlistValue\"", "\"bytesValue\"", "\"values\"", "\"body\"", "\"timeUnixNano\"", "\"traceId\"",
            "\"spanId\"", "\"severityNumber\"", "\"NaN\"", "\"abcd\"", "\"a_b\"", "\"\\ud800\"", "\"AAEC\"", "0", "-1", "1.5",
            "1e400", "18446744073709551616", "\"123\"", "true", "false", "null", " ", "\"",
        ];
        var soup = Gen.ArrayOf(Gen.Elements(tokens)).Select(parts => "{\"resourceLogs\":[" + string.Concat(parts));

        return Prop.ForAll(soup.ToArbitrary(), text => DecodesOrFails(Encoding.UTF8.GetBytes(text)));
    }

    private static bool DecodesOrFails(byte[] body, OtlpSignal signal = OtlpSignal.Logs)
    {
        try
        {
            OtlpJsonDecoder.Decode(signal, body);
            return true;
        }
        catch (OtlpFormatException e)
        {
            return !e.Message.Contains('\n', StringComparison.Ordinal);
        }
    }

    private static string ShouldFail(byte[] body)
    {
        var e = Should.Throw<OtlpFormatException>(() => OtlpJsonDecoder.Decode(OtlpSignal.Logs, body));
        e.Message.ShouldStartWith("Invalid OTLP/JSON: ");
        e.Message.ShouldNotContain('\n');
        e.Message.ShouldNotContain('\r');
        return e.Message;
    }
}
