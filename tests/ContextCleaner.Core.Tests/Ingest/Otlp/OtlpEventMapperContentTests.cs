using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>
/// What the user typed, what the model answered and what a tool read are stored only when the user opted in
/// (<see cref="OtlpMappingOptions.StoreContent"/>), and text Claude Code redacted never is.
/// </summary>
public sealed class OtlpEventMapperContentTests
{
    private const string Redacted = "<REDACTED>";

    // OTEL_LOG_USER_PROMPTS and OTEL_LOG_TOOL_DETAILS set: prompt, responses, tool_input and tool_parameters in clear.
    private const string ToolBashDetails = "otlp-json/s18-sonnet45-json-tool-bash-details--0001-logs.json";

    // Defaults: prompt, prompt_text and response are "<REDACTED>".
    private const string Hello = "otlp-json/s01-sonnet45-json-hello--0001-logs.json";

    // Prompt and responses redacted, tool_input in clear.
    private const string ToolWriteDetails = "otlp-json/s30-sonnet45-json-tool-write-details--0001-logs.json";

    private static readonly PriceTable Prices = PriceTableLoader.Load();

    private static readonly string[] ContentKeys = ["prompt", "prompt_text", "response", "tool_input", "tool_parameters"];

    // Facts about the content, not the content: kept whatever StoreContent says.
    private static readonly string[] DescriptiveKeys =
        ["prompt_length", "response_length", "tool_use_id", "decision", "tool_input_size_bytes", "tool_result_size_bytes", "prompt.id", "message.uuid"];

    public static TheoryData<string, bool> BodiesAndSettings => new()
    {
        { ToolBashDetails, false }, { ToolBashDetails, true }, { Hello, false }, { Hello, true }, { ToolWriteDetails, false }, { ToolWriteDetails, true },
    };

    public static TheoryData<string> Bodies => [ToolBashDetails, Hello, ToolWriteDetails];

    /// <summary>Body, and how many content attributes it carries in clear (counted in the fixture file).</summary>
    public static TheoryData<string, int> BodiesWithClearContent => new()
    {
        { ToolBashDetails, 7 },     // prompt, prompt_text, 2 × response, tool_input, 2 × tool_parameters
        { Hello, 0 },
        { ToolWriteDetails, 1 },    // tool_input
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Map_StoreContentOff_NoEventHoldsAContentAttribute(string body)
    {
        var (records, events) = Map(body, storeContent: false);

        records.Sum(r => ContentKeys.Count(k => r.Attributes.Find(k) is not null)).ShouldBeGreaterThan(0, "the body sent no content");
        foreach (var e in events)
        {
            (e.Attributes?.Keys ?? []).Intersect(ContentKeys).ShouldBeEmpty($"{e.Kind} {e.SourceOffset}");
        }
    }

    [Theory]
    [MemberData(nameof(BodiesWithClearContent))]
    public void Map_StoreContentOn_KeepsClearContentVerbatimAndNeverRedactedText(string body, int clear)
    {
        var (records, events) = Map(body, storeContent: true);

        var kept = 0;
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in ContentKeys)
            {
                if (records[i].Attributes.Find(key)?.StringValue is not { } sent)
                {
                    continue;
                }

                if (sent == Redacted)
                {
                    (events[i].Attributes ?? new Dictionary<string, string>()).ShouldNotContainKey(key, $"{events[i].Kind}: redacted {key} kept");
                }
                else
                {
                    events[i].Attributes.ShouldNotBeNull().ShouldContainKeyAndValue(key, sent, $"{events[i].Kind}: {key} not kept verbatim");
                    kept++;
                }
            }

            (events[i].Attributes?.Values ?? []).ShouldNotContain(Redacted);
        }

        kept.ShouldBe(clear);
    }

    [Fact]
    public void Map_StoreContentOn_KeepsWhatTheUserTypedTheModelAnsweredAndTheToolRead()
    {
        // The values as they stand in the fixture file.
        const string toolInput = """{"command":"cat hello.txt","description":"Show hello.txt"}""";
        const string toolParameters = """{"bash_command":"cat","full_command":"cat hello.txt","description":"Show hello.txt"}""";

        var (_, events) = Map(ToolBashDetails, storeContent: true);

        var prompt = events.Single(e => e.Kind == EventKind.UserPrompt).Attributes.ShouldNotBeNull();
        prompt["prompt"].ShouldBe("show me hello.txt using cat");
        prompt["prompt_text"].ShouldBe("show me hello.txt using cat");
        events.Where(e => e.Kind == EventKind.AssistantResponse).Select(e => e.Attributes.ShouldNotBeNull()["response"])
            .ShouldBe(["Let me check that.", "Hello! How can I help you today?"]);
        var result = events.Single(e => e.Kind == EventKind.ToolResult).Attributes.ShouldNotBeNull();
        result["tool_input"].ShouldBe(toolInput);
        result["tool_parameters"].ShouldBe(toolParameters);
        events.Single(e => e.Kind == EventKind.ToolDecision).Attributes.ShouldNotBeNull()["tool_parameters"].ShouldBe(toolParameters);
    }

    [Theory]
    [MemberData(nameof(BodiesAndSettings))]
    public void Map_EitherSetting_KeepsTheAttributesThatDescribeTheContent(string body, bool storeContent)
    {
        var (records, events) = Map(body, storeContent);

        var checkedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in DescriptiveKeys)
            {
                if (records[i].Attributes.Find(key)?.AsString() is { } sent)
                {
                    events[i].Attributes.ShouldNotBeNull().ShouldContainKeyAndValue(key, sent, $"{events[i].Kind}: {key}");
                    checkedKeys.Add(key);
                }
            }
        }

        checkedKeys.ShouldContain("prompt_length");
        checkedKeys.ShouldContain("response_length");
        if (body != Hello)
        {
            checkedKeys.ShouldContain("tool_use_id");
            checkedKeys.ShouldContain("decision");
        }
    }

    [Fact]
    public void Map_StoreContentOn_KeepsToolDetailsAndDecisionOfTheToolEvents()
    {
        var (_, events) = Map(ToolBashDetails, storeContent: true);

        var decision = events.Single(e => e.Kind == EventKind.ToolDecision);
        decision.ToolName.ShouldBe("Bash");
        decision.Attributes.ShouldNotBeNull()["decision"].ShouldBe("accept");
        decision.Attributes["tool_use_id"].ShouldBe("toolu_stub_4e23895638d247e792b3");
        var result = events.Single(e => e.Kind == EventKind.ToolResult);
        result.Attributes.ShouldNotBeNull()["tool_use_id"].ShouldBe("toolu_stub_4e23895638d247e792b3");
        result.ToolSuccess.ShouldBe(true);
        result.DurationMs.ShouldBe(31);
    }

    // Records and the events they became, pairwise (one event per log record; none of these is rejected).
    private static (IReadOnlyList<OtlpLogRecord> Records, IReadOnlyList<TelemetryEvent> Events) Map(string body, bool storeContent)
    {
        var export = OtlpFixtures.Decode(body);
        var mapping = new OtlpEventMapper(Prices, new OtlpMappingOptions { StoreContent = storeContent }).Map(export);

        mapping.Rejected.ShouldBe(0);
        mapping.Events.Count.ShouldBe(export.Logs.Count);
        for (var i = 0; i < export.Logs.Count; i++)
        {
            mapping.Events[i].SourceOffset.ShouldBe(export.Logs[i].Attributes.GetLong("event.sequence"), $"record {i} is not event {i}");
        }

        return (export.Logs, mapping.Events);
    }
}
