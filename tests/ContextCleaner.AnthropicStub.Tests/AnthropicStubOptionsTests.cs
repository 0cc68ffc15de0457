using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests;

public sealed class AnthropicStubOptionsTests
{
    [Fact]
    public async Task Start_InvalidOptions_NamesEveryProblemInOneMessage()
    {
        var options = new AnthropicStubOptions
        {
            RetryAfterSeconds = -1,
            SlowDelay = TimeSpan.FromSeconds(-1),
            FaultRates = new StubFaultRates(Overloaded: 1.5),
            ToolUses = [new ToolUse("", "{}"), new ToolUse("Read", "[1]")],
        };

        var error = await Should.ThrowAsync<ArgumentException>(() => AnthropicStubServer.StartAsync(options, TestContext.Current.CancellationToken));

        error.Message.ShouldSatisfyAllConditions(
            m => m.ShouldContain("RetryAfterSeconds = -1"),
            m => m.ShouldContain("SlowDelay = -00:00:01"),
            m => m.ShouldContain("FaultRates.Overloaded = 1.5"),
            m => m.ShouldContain("ToolUses[0].Name"),
            m => m.ShouldContain("ToolUses[1].InputJson = [1]"));
    }

    [Fact]
    public void Defaults_MatchThePythonStubThatMadeTheFixtures()
    {
        var options = new AnthropicStubOptions();

        options.ReplyText.ShouldBe("Hello! How can I help you today?");
        options.RetryAfterSeconds.ShouldBe(1);
        options.OverloadedRetryAfterSeconds.ShouldBeNull();
        options.SlowDelay.ShouldBe(TimeSpan.FromSeconds(30));
        options.Faults.ShouldBeEmpty();
        options.FaultRates.ShouldBe(StubFaultRates.None);
        options.TimeProvider.ShouldBe(TimeProvider.System);
    }

    [Fact]
    public void FaultScriptParse_PythonSyntax_ReadsEveryKind()
    {
        StubFaultScript.Parse(" 529,429, 500,400,slow,stream_error,ok,").ShouldBe(
        [
            StubFault.Overloaded, StubFault.RateLimit, StubFault.ServerError, StubFault.PromptTooLong,
            StubFault.Slow, StubFault.StreamError, StubFault.Ok,
        ]);
    }

    [Fact]
    public void FaultScriptParse_UnknownEntry_Throws()
    {
        Should.Throw<FormatException>(() => StubFaultScript.Parse("529,503")).Message.ShouldContain("'503'");
    }

    [Theory]
    [InlineData(StubFault.Overloaded, "529")]
    [InlineData(StubFault.StreamError, "stream_error")]
    [InlineData(StubFault.Ok, "ok")]
    public void FaultScriptToWireName_RoundTrips(StubFault fault, string name)
    {
        StubFaultScript.ToWireName(fault).ShouldBe(name);
        StubFaultScript.Parse(name).ShouldBe([fault]);
    }

    [Fact]
    public void FaultRatesAlways_FaultWithoutRate_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StubFaultRates.Always(StubFault.Slow));
    }
}
