using System.Text;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

/// <summary>Wrong types, broken JSON and arbitrary bytes: rejected and counted, never thrown.</summary>
public sealed partial class TranscriptLineParserTests
{
    [Theory]
    [InlineData("\"input_tokens\":2722", "\"input_tokens\":\"2722\"", "input_tokens")]          // number as string
    [InlineData("\"input_tokens\":2722", "\"input_tokens\":2722.5", "input_tokens")]            // not an integer
    [InlineData("\"input_tokens\":2722", "\"input_tokens\":-1", "input_tokens")]                // negative count
    [InlineData("\"output_tokens\":15", "\"output_tokens\":true", "output_tokens")]
    [InlineData("\"output_tokens\":15", "\"output_tokens\":{}", "output_tokens")]
    [InlineData("\"timestamp\":\"2026-11-25T23:36:24.745Z\"", "\"timestamp\":1795649784745", "timestamp")]
    [InlineData("\"timestamp\":\"2026-11-25T23:36:24.745Z\"", "\"timestamp\":\"yesterday\"", "timestamp")]
    [InlineData("\"model\":\"claude-sonnet-4-5-20250929\"", "\"model\":42", "model")]
    [InlineData("\"type\":\"assistant\"", "\"type\":[\"assistant\"]", "type")]
    public void Parse_FieldWithWrongJsonType_ReturnsInvalidNamingTheField(string original, string replacement, string field)
    {
        var json = FixtureLines.S01SonnetUsage.Replace(original, replacement, StringComparison.Ordinal);
        json.ShouldNotBe(FixtureLines.S01SonnetUsage);

        Parse(json).ShouldBe(ParseResult.Invalid);

        _line.Problem.ShouldNotBeNull();
        _line.Problem.ShouldContain(field);
    }

    [Fact]
    public void Parse_UsageIsArray_ReturnsInvalid()
    {
        var json = """{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":[1,2,3]}}""";

        Parse(json).ShouldBe(ParseResult.Invalid);

        _line.Problem.ShouldBe("message.usage is not an object");
        _line.HasUsage.ShouldBeFalse();
    }

    [Fact]
    public void Parse_UsageWithoutOutputTokens_ReturnsInvalid()
    {
        var json = """{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":3}}}""";

        Parse(json).ShouldBe(ParseResult.Invalid);

        _line.HasUsage.ShouldBeFalse();
    }

    [Theory]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(-1)]   // all but the closing brace
    public void Parse_TruncatedLine_ReturnsMalformed(int length)
    {
        var bytes = Encoding.UTF8.GetBytes(FixtureLines.S01SonnetUsage);
        var cut = length < 0 ? bytes[..^1] : bytes[..length];

        TranscriptLineParser.Parse(cut, _line).ShouldBe(ParseResult.Malformed);

        _line.Problem.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(" x")]
    [InlineData("{}")]
    [InlineData(",")]
    [InlineData("\"more\"")]
    public void Parse_TextAfterTheObject_ReturnsMalformed(string trailing)
    {
        Parse(FixtureLines.S01SonnetUsage + trailing).ShouldBe(ParseResult.Malformed);
    }

    [Fact]
    public void Parse_WhitespaceAfterTheObject_IsOk()
    {
        Parse(FixtureLines.S01SonnetUsage + "  \t").ShouldBe(ParseResult.Ok);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("not json at all")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'type':'assistant'}")]
    [InlineData("{\"type\":\"user\"} // comment")]
    public void Parse_NotOneJsonObject_ReturnsMalformed(string text)
    {
        Parse(text).ShouldBe(ParseResult.Malformed);
    }

    [Theory]
    [InlineData("[{\"type\":\"text\",\"text\":\"Hello\"},,]")]          // two commas
    [InlineData("[{\"type\":\"text\" \"text\":\"Hello\"}]")]            // missing comma
    [InlineData("[{\"type\":\"text\",\"text\":Hello}]")]                  // unquoted string
    [InlineData("[{\"type\":\"tool_use\",\"input\":{\"a\":tru}}]")]      // broken literal
    public void Parse_InvalidJsonInsideAssistantContent_ReturnsMalformed(string brokenContent)
    {
        // ccusage (JSON.parse) skips such a line; counting its usage would make the two tools disagree.
        var json = FixtureLines.S01SonnetUsage.Replace(
            "\"content\":[{\"type\":\"text\",\"text\":\"Hello! How can I help you today?\"}]", "\"content\":" + brokenContent, StringComparison.Ordinal);
        json.ShouldNotBe(FixtureLines.S01SonnetUsage);

        Parse(json).ShouldBe(ParseResult.Malformed);
    }

    [Fact]
    public void Parse_InvalidUtf8_ReturnsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(FixtureLines.S01SonnetUsage);
        var at = FixtureLines.S01SonnetUsage.IndexOf("Hello!", StringComparison.Ordinal);
        bytes[at] = 0xFF;   // never valid in UTF-8, here inside a JSON string

        TranscriptLineParser.Parse(bytes, _line).ShouldBe(ParseResult.Malformed);

        _line.Problem.ShouldBe("invalid UTF-8");
    }

    [Theory]
    [InlineData("""{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","requestId":"req_\ud800","message":{"id":"m","model":"claude-sonnet-4-5","usage":{"input_tokens":1,"output_tokens":1}}}""")]
    [InlineData("""{"type":"system","subtype":"model_fallback","timestamp":"2025-10-01T09:30:00.000Z","content":"half an emoji \ud83d"}""")]
    [InlineData("""{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","uuid":"\udc00","message":{"model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0}}}""")]
    public void Parse_LoneSurrogateEscape_DoesNotThrow(string json)
    {
        var result = Should.NotThrow(() => Parse(json));

        result.ShouldBeOneOf(ParseResult.Ok, ParseResult.Invalid, ParseResult.Malformed);
    }

    [Fact]
    public void Parse_RetryLineWithStatusObject_StillReadsTheLine()
    {
        var json = FixtureLines.S08Retry529.Replace("\"status\":529", "\"status\":{\"code\":529}", StringComparison.Ordinal);
        json.ShouldNotBe(FixtureLines.S08Retry529);

        var result = Parse(json);

        result.ShouldNotBe(ParseResult.Malformed);
        _line.RetryAttempt.ShouldBe(1);
        _line.ErrorFormatted.ShouldBe("529 Overloaded");
    }

    [Fact]
    public void Parse_RetryLineWithStatusString_IgnoresStatusAndReadsTheRest()
    {
        var json = FixtureLines.S08Retry529.Replace("\"status\":529", "\"status\":\"529\"", StringComparison.Ordinal);

        Parse(json).ShouldBe(ParseResult.Ok);

        _line.ErrorStatus.ShouldBeNull();
        _line.RetryInMs.ShouldBe(549);
        _line.ErrorFormatted.ShouldBe("529 Overloaded");
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public void Parse_ArbitraryBytes_NeverThrows(byte[] bytes)
    {
        var line = new TranscriptLine();

        var result = TranscriptLineParser.Parse(bytes, line);

        (result == ParseResult.Ok || line.Problem is not null).ShouldBeTrue();
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Parse_AnyPrefixOfRealLines_NeverThrowsAndOnlyWholeLineIsOk()
    {
        var lines = new[]
        {
            FixtureLines.S01SonnetUsage, FixtureLines.S12Synthetic529, FixtureLines.S08Retry529, FixtureLines.S25ModelFallback,
            FixtureLines.S17UserToolResult,
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        var cuts =
            from index in Gen.Choose(0, lines.Length - 1)
            from length in Gen.Choose(0, lines[index].Length)
            select (Index: index, Length: length);

        return Prop.ForAll(cuts.ToArbitrary(), cut =>
        {
            var line = new TranscriptLine();
            var whole = cut.Length == lines[cut.Index].Length;

            var result = TranscriptLineParser.Parse(lines[cut.Index].AsSpan(0, cut.Length), line);

            return whole ? result == ParseResult.Ok : result == ParseResult.Malformed;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Parse_RealLineWithOneByteChanged_NeverThrows()
    {
        var bytes = Encoding.UTF8.GetBytes(FixtureLines.S08Retry529);
        var edits =
            from position in Gen.Choose(0, bytes.Length - 1)
            from value in Gen.Choose(0, 255)
            select (Position: position, Value: (byte)value);

        return Prop.ForAll(edits.ToArbitrary(), edit =>
        {
            var copy = (byte[])bytes.Clone();
            copy[edit.Position] = edit.Value;
            var line = new TranscriptLine();

            var result = TranscriptLineParser.Parse(copy, line);

            return result == ParseResult.Ok || line.Problem is not null;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Parse_SoupOfTranscriptJsonTokens_NeverThrows()
    {
        // Near-JSON built from the keys and shapes the parser looks for, so it gets deep into every branch (content
        // skipping included) instead of stopping at the first byte.
        string[] tokens =
        [
            "{", "}", "[", "]", ",", ":", "\"type\"", "\"assistant\"", "\"system\"", "\"message\"", "\"usage\"", "\"content\"",
            "\"model\"", "\"<synthetic>\"", "\"input_tokens\"", "\"output_tokens\"", "\"cache_creation\"",
            "\"ephemeral_5m_input_tokens\"", "\"error\"", "\"status\"", "\"subtype\"", "\"api_error\"", "\"timestamp\"",
            "\"2025-10-01T09:30:00.000Z\"", "\"uuid\"", "\"isApiErrorMessage\"", "\"retryAttempt\"", "\"text\"", "\"a\\\"b\"",
            "\"\\u00e9\"", "\"é\"", "0", "-1", "1.5", "1e400", "99999999999999999999", "true", "false", "null", " ", "\"",
        ];
        var soup = Gen.ArrayOf(Gen.Elements(tokens)).Select(parts => "{" + string.Concat(parts));

        return Prop.ForAll(soup.ToArbitrary(), text =>
        {
            var line = new TranscriptLine();

            var result = TranscriptLineParser.Parse(Encoding.UTF8.GetBytes(text), line);

            return result == ParseResult.Ok || line.Problem is not null;
        });
    }
}
