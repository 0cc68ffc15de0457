namespace ContextCleaner.AnthropicStub;

/// <summary>Which stub endpoint answered a request.</summary>
public enum StubRoute
{
    /// <summary><c>POST /v1/messages</c> (with or without <c>?beta=true</c>).</summary>
    Messages,

    /// <summary><c>POST /v1/messages/count_tokens</c>.</summary>
    CountTokens,

    /// <summary><c>HEAD /api/hello</c>, the connectivity probe Claude Code sends unless nonessential traffic is off.</summary>
    Hello,

    /// <summary>Anything else: 404 <c>not_found_error</c>, recorded so a test sees what a client tried.</summary>
    NotFound,
}
