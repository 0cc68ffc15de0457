using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.AnthropicStub;

/// <summary>How an <see cref="AnthropicStubServer"/> answers; every field mirrors a flag of the Python stub.</summary>
public sealed record AnthropicStubOptions
{
    /// <summary>Faults consumed one per <c>/v1/messages</c> request (<c>--faults</c>); afterwards <see cref="FaultRates"/> apply.</summary>
    public IReadOnlyList<StubFault> Faults { get; init; } = [];

    /// <summary>Random faults for requests past the script (<c>--rate-529</c> …); <see cref="StubFaultRates.Always"/> for every one.</summary>
    public StubFaultRates FaultRates { get; init; } = StubFaultRates.None;

    /// <summary>Seed of the random fault draw (<c>--seed</c>).</summary>
    public int Seed { get; init; } = AnthropicStubDefaults.Seed;

    /// <summary>The <c>retry-after</c> header of a 429, in seconds (<c>--retry-after</c>).</summary>
    public int RetryAfterSeconds { get; init; } = AnthropicStubDefaults.RetryAfterSeconds;

    /// <summary>
    /// A <c>retry-after</c> header for a 529 too; null (the default, as in the fixtures) sends none, so Claude Code
    /// falls back to its own backoff ladder.
    /// </summary>
    public int? OverloadedRetryAfterSeconds { get; init; }

    /// <summary>How long a <see cref="StubFault.Slow"/> request waits before its headers (<c>--slow-fault</c>).</summary>
    public TimeSpan SlowDelay { get; init; } = AnthropicStubDefaults.SlowDelay;

    /// <summary>A wait before every <c>/v1/messages</c> answer, faulty or not (<c>--slow</c>).</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>A wait after every SSE event (<c>--slow-chunks</c>).</summary>
    public TimeSpan EventDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Scripted tool calls (<c>--tool-use</c>), answered in turn before the plain-text reply.</summary>
    public IReadOnlyList<ToolUse> ToolUses { get; init; } = [];

    /// <summary>The final text reply (<c>--text</c>).</summary>
    public string ReplyText { get; init; } = AnthropicStubDefaults.ReplyText;

    /// <summary>Apply scripted and random faults only to requests whose model contains this (<c>--faulty-model</c>).</summary>
    public string? FaultyModel { get; init; }

    /// <summary>Answer 400 prompt-too-long to any request estimated above this many tokens (<c>--max-input-tokens</c>).</summary>
    public int? MaxInputTokens { get; init; }

    /// <summary>Clock for the timeline and for every delay.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks every field once; all problems in one message.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string field, object? value, string rule)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} = {value ?? "null"}: {rule}"));
            }
        }

        Check(Faults is not null && Faults.All(Enum.IsDefined), nameof(Faults), Faults is null ? null : string.Join(',', Faults), "must list defined faults");
        Check(FaultRates is not null, nameof(FaultRates), FaultRates, "must not be null");
        foreach (var (fault, rate) in FaultRates?.InOrder() ?? [])
        {
            Check(rate is >= 0 and <= 1, $"{nameof(FaultRates)}.{fault}", rate, "must be between 0 and 1");
        }

        Check(RetryAfterSeconds >= 0, nameof(RetryAfterSeconds), RetryAfterSeconds, "must not be negative");
        Check(OverloadedRetryAfterSeconds is null or >= 0, nameof(OverloadedRetryAfterSeconds), OverloadedRetryAfterSeconds, "must not be negative");
        Check(SlowDelay >= TimeSpan.Zero, nameof(SlowDelay), SlowDelay, "must not be negative");
        Check(ResponseDelay >= TimeSpan.Zero, nameof(ResponseDelay), ResponseDelay, "must not be negative");
        Check(EventDelay >= TimeSpan.Zero, nameof(EventDelay), EventDelay, "must not be negative");
        Check(ReplyText is not null, nameof(ReplyText), ReplyText, "must not be null");
        Check(MaxInputTokens is null or > 0, nameof(MaxInputTokens), MaxInputTokens, "must be positive");
        Check(TimeProvider is not null, nameof(TimeProvider), TimeProvider, "must not be null");
        Check(ToolUses is not null, nameof(ToolUses), ToolUses, "must not be null");
        for (var i = 0; i < (ToolUses?.Count ?? 0); i++)
        {
            var tool = ToolUses![i];
            Check(!string.IsNullOrWhiteSpace(tool?.Name), $"{nameof(ToolUses)}[{i}].{nameof(ToolUse.Name)}", tool?.Name, "must name a tool");
            Check(IsObjectOrBlank(tool?.InputJson), $"{nameof(ToolUses)}[{i}].{nameof(ToolUse.InputJson)}", tool?.InputJson, "must be a JSON object");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid AnthropicStubOptions: " + string.Join("; ", problems) + ".");
        }
    }

    private static bool IsObjectOrBlank(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return json is not null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
