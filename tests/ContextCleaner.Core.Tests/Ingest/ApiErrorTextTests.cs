using ContextCleaner.Core.Ingest;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class ApiErrorTextTests
{
    [Theory]
    [InlineData("529 Overloaded", 529)]
    [InlineData("529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}", 529)]
    [InlineData("API Error: 400 {\"type\":\"error\"}", 400)]
    [InlineData("429", 429)]
    [InlineData("Request timed out.", null)]
    [InlineData("API Error: Claude AI usage limit reached|1759330800", null)]
    [InlineData("5290 not a status", null)]
    [InlineData("099 too small", null)]
    [InlineData("600 too large", null)]
    [InlineData("52", null)]
    [InlineData(null, null)]
    public void LeadingStatus_ErrorText_GivesHttpStatusAtStart(string? text, int? expected)
    {
        ApiErrorText.LeadingStatus(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_1\"}", "overloaded_error")]
    [InlineData("API Error: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}", "rate_limit_error")]
    [InlineData("529 Overloaded", null)]
    [InlineData("400 {not json", null)]
    [InlineData("500 {\"error\":\"a string, not an object\"}", null)]
    [InlineData("500 {\"error\":{\"type\":42}}", null)]
    [InlineData(null, null)]
    public void ErrorType_ErrorTextWithEmbeddedJson_GivesApiErrorType(string? text, string? expected)
    {
        ApiErrorText.ErrorType(text).ShouldBe(expected);
    }
}
