using System.Text;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

/// <summary>What the parser reads from real Claude Code lines (bad input: TranscriptLineParserTests.BadInput.cs).</summary>
public sealed partial class TranscriptLineParserTests
{
    private readonly TranscriptLine _line = new();

    [Fact]
    public void Parse_AssistantLineWithUsage_ExtractsRequestAndTokens()
    {
        var result = Parse(FixtureLines.S01SonnetUsage);

        result.ShouldBe(ParseResult.Ok);
        _line.ShouldSatisfyAllConditions(
            l => l.Problem.ShouldBeNull(),
            l => l.Type.ShouldBe(LineType.Assistant),
            l => l.Timestamp.ShouldBe(new DateTime(2026, 11, 25, 23, 36, 24, 745, DateTimeKind.Utc)),
            l => l.Uuid.ToString().ShouldBe("3ad5cb6d-582e-4f55-81e0-ab5c9468ce6c"),
            l => l.MessageId.ToString().ShouldBe("msg_stub_18e81db3ddef45deb76a799e"),
            l => l.RequestId.ShouldBe("req_stub_7845c35592c74a12ae94f25d"),
            l => l.Model.ShouldBe("claude-sonnet-4-5-20250929"),
            l => l.RequestedModel.ShouldBe("claude-sonnet-4-5-20250929"),
            l => l.IsSidechain.ShouldBeFalse(),
            l => l.IsApiErrorMessage.ShouldBeFalse(),
            l => l.HasUsage.ShouldBeTrue(),
            // input 2722, output 15, cache read 0, cache_creation.ephemeral_5m 19123, ephemeral_1h 0
            l => l.Usage.ShouldBe(new TokenUsage(2_722, 15, 0, 19_123, 0)),
            l => l.Speed.ShouldBe("standard"),
            l => l.CostUsd.ShouldBeNull());
    }

    [Theory]
    // The split by lifetime is what is billed.
    [InlineData("""{"cache_creation_input_tokens":5000,"cache_creation":{"ephemeral_5m_input_tokens":1000,"ephemeral_1h_input_tokens":4000}}""", 1_000, 4_000)]
    [InlineData("""{"cache_creation":{"ephemeral_1h_input_tokens":4000,"ephemeral_5m_input_tokens":1000},"cache_creation_input_tokens":5000}""", 1_000, 4_000)]
    // Only one half of the split present: the other half is zero.
    [InlineData("""{"cache_creation_input_tokens":700,"cache_creation":{"ephemeral_1h_input_tokens":700}}""", 0, 700)]
    // No split (before 1-hour caching existed): every write was a 5-minute write.
    [InlineData("""{"cache_creation_input_tokens":5000}""", 5_000, 0)]
    [InlineData("""{}""", 0, 0)]
    public void Parse_CacheCreationSplit_ReadsFiveMinuteAndOneHourWrites(string cacheFields, long expected5m, long expected1h)
    {
        var fields = cacheFields[1..^1];
        var separator = fields.Length > 0 ? "," : "";
        var json = """{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":10,"output_tokens":20,"cache_read_input_tokens":30"""
            + separator + fields + "}}}";

        Parse(json).ShouldBe(ParseResult.Ok);

        _line.Usage.ShouldBe(new TokenUsage(10, 20, 30, expected5m, expected1h));
    }

    [Fact]
    public void Parse_SyntheticErrorLine_ExtractsStatusTypeAndText()
    {
        var result = Parse(FixtureLines.S12Synthetic529);

        result.ShouldBe(ParseResult.Ok);
        _line.ShouldSatisfyAllConditions(
            l => l.Type.ShouldBe(LineType.Assistant),
            l => l.Model.ShouldBe("<synthetic>"),
            l => l.IsApiErrorMessage.ShouldBeTrue(),
            l => l.ApiErrorStatus.ShouldBe(529),
            l => l.ApiErrorType.ShouldBe("overloaded_error"),
            l => l.ErrorCode.ShouldBe("server_error"),
            l => l.RequestId.ShouldBe("req_stub_0bfa8f7eb3a64bbaa2e125ed"),
            l => l.Text!.ShouldStartWith("API Error: 529 Overloaded."),
            l => l.Usage.IsZero.ShouldBeTrue(),
            l => l.Uuid.ToString().ShouldBe("91c840ac-ca4e-422a-9748-8ae400ac64d8"));
    }

    [Fact]
    public void Parse_SyntheticLineWithContentBeforeModel_StillReadsTheErrorText()
    {
        const string json = """{"type":"assistant","timestamp":"2025-10-01T09:30:00.000Z","message":{"id":"x","content":[{"type":"text","text":"API Error: 500 Internal"}],"model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0}}}""";

        Parse(json).ShouldBe(ParseResult.Ok);

        _line.Model.ShouldBe("<synthetic>");
        _line.Text.ShouldBe("API Error: 500 Internal");
    }

    [Fact]
    public void Parse_UsageLineWithLongContent_ReadsUsageAfterTheContent()
    {
        // Tool inputs and answers make content most of a line's bytes; usage comes after it.
        // The text ends in escaped quotes and brackets, which must not end the value early.
        var text = new string('x', 100_000) + "\\\\\\\"}]{[";
        var json = "{\"type\":\"assistant\",\"timestamp\":\"2025-10-01T09:30:00.000Z\",\"message\":{\"id\":\"m\",\"model\":\"claude-sonnet-4-5\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"},{\"type\":\"tool_use\",\"input\":{\"a\":[1,{\"b\":null}]}}],"
            + "\"usage\":{\"input_tokens\":7,\"output_tokens\":8}},\"requestId\":\"r\"}";

        Parse(json).ShouldBe(ParseResult.Ok);

        _line.Usage.ShouldBe(new TokenUsage(7, 8, 0, 0, 0));
        _line.RequestId.ShouldBe("r");
    }

    [Fact]
    public void Parse_SystemRetryLine_ExtractsAttemptBackoffAndErrorObject()
    {
        var result = Parse(FixtureLines.S08Retry529);

        result.ShouldBe(ParseResult.Ok);
        _line.ShouldSatisfyAllConditions(
            l => l.Type.ShouldBe(LineType.System),
            l => l.Subtype.ShouldBe("api_error"),
            l => l.RetryAttempt.ShouldBe(1),
            l => l.RetryInMs.ShouldBe(549),
            l => l.MaxRetries.ShouldBe(10),
            l => l.ErrorStatus.ShouldBe(529),
            l => l.ErrorFormatted.ShouldBe("529 Overloaded"),
            l => l.ErrorRequestId.ShouldBe("req_stub_ac9660e0d1a24478ab1121e5"),
            l => l.ErrorMessage!.ShouldStartWith("529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\""),
            l => l.Timestamp.ShouldBe(new DateTime(2026, 11, 25, 23, 36, 27, 652, DateTimeKind.Utc)),
            l => l.Uuid.ToString().ShouldBe("d29d50e8-8859-4a50-a08f-3dbb93cc0988"),
            l => l.HasUsage.ShouldBeFalse());
    }

    [Fact]
    public void Parse_ModelFallbackLine_ExtractsBothModelsAndTrigger()
    {
        var result = Parse(FixtureLines.S25ModelFallback);

        result.ShouldBe(ParseResult.Ok);
        _line.ShouldSatisfyAllConditions(
            l => l.Type.ShouldBe(LineType.System),
            l => l.Subtype.ShouldBe("model_fallback"),
            l => l.OriginalModel.ShouldBe("claude-opus-4-1-20250805"),
            l => l.FallbackModel.ShouldBe("claude-sonnet-4-5-20250929"),
            l => l.Trigger.ShouldBe("overloaded"),
            l => l.Content.ShouldBe("Switched to Sonnet 4.5 due to high demand for Opus 4.1"));
    }

    [Fact]
    public void Parse_UserToolResultLine_IsOkWithoutUsageOrModel()
    {
        var result = Parse(FixtureLines.S17UserToolResult);

        result.ShouldBe(ParseResult.Ok);
        _line.ShouldSatisfyAllConditions(
            l => l.Type.ShouldBe(LineType.Other),
            l => l.HasUsage.ShouldBeFalse(),
            l => l.Model.ShouldBeNull(),
            l => l.MessageId.HasValue.ShouldBeFalse(),
            l => l.Timestamp.ShouldBe(new DateTime(2026, 11, 25, 23, 36, 41, 370, DateTimeKind.Utc)));
    }

    [Fact]
    public void Parse_LineAfterUsageLine_ForgetsEverythingOfThePreviousLine()
    {
        Parse(FixtureLines.S01SonnetUsage).ShouldBe(ParseResult.Ok);

        Parse(FixtureLines.S01QueueOperation).ShouldBe(ParseResult.Ok);

        _line.ShouldSatisfyAllConditions(
            l => l.HasUsage.ShouldBeFalse(),
            l => l.Usage.ShouldBe(default),
            l => l.MessageId.HasValue.ShouldBeFalse(),
            l => l.RequestId.ShouldBeNull(),
            l => l.Model.ShouldBeNull(),
            l => l.Uuid.HasValue.ShouldBeFalse(),
            l => l.Type.ShouldBe(LineType.Other));
    }

    private ParseResult Parse(string json) => TranscriptLineParser.Parse(Encoding.UTF8.GetBytes(json), _line);
}
