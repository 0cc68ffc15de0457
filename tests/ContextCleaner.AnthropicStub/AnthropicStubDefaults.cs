namespace ContextCleaner.AnthropicStub;

/// <summary>Defaults of <see cref="AnthropicStubOptions"/>, the Python stub's defaults that produced the fixtures.</summary>
public static class AnthropicStubDefaults
{
    /// <summary>The reply every fixture run printed.</summary>
    public const string ReplyText = "Hello! How can I help you today?";

    /// <summary>The <c>retry-after</c> header of a 429, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Seed of the random fault draw.</summary>
    public const int Seed = 1;

    /// <summary>The model reported when the request names none.</summary>
    public const string Model = "claude-sonnet-4-5-20250929";

    /// <summary>The text block sent before a scripted tool call.</summary>
    public const string ToolPreamble = "Let me check that.";

    /// <summary>How long a <see cref="StubFault.Slow"/> request waits before answering (<c>--slow-fault</c>).</summary>
    public static TimeSpan SlowDelay { get; } = TimeSpan.FromSeconds(30);
}
