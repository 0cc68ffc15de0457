namespace ContextCleaner.AnthropicStub;

/// <summary>What the stub does with one <c>POST /v1/messages</c> request.</summary>
/// <remarks>The wire names (<c>ok</c>, <c>529</c>, …) are the ones the Python stub's <c>--faults</c> list used.</remarks>
public enum StubFault
{
    /// <summary><c>ok</c>: a normal answer (streamed or JSON, as requested).</summary>
    Ok,

    /// <summary><c>529</c>: <c>overloaded_error</c> "Overloaded".</summary>
    Overloaded,

    /// <summary><c>429</c>: <c>rate_limit_error</c> with <c>retry-after</c> and rate-limit headers.</summary>
    RateLimit,

    /// <summary><c>500</c>: <c>api_error</c> "Internal server error".</summary>
    ServerError,

    /// <summary><c>400</c>: <c>invalid_request_error</c> "prompt is too long: 212345 tokens &gt; 200000 maximum".</summary>
    PromptTooLong,

    /// <summary><c>slow</c>: a normal answer, sent only after <see cref="AnthropicStubOptions.SlowDelay"/>.</summary>
    Slow,

    /// <summary>
    /// <c>stream_error</c>: a 200 SSE stream that sends <c>message_start</c> and then an <c>event: error</c>
    /// (<c>overloaded_error</c>). A non-streaming request with this fault gets a normal JSON answer, as in fixture s24.
    /// </summary>
    StreamError,
}
