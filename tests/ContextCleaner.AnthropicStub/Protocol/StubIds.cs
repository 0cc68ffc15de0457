namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>Identifiers in the fixtures' shapes: <c>req_stub_</c>/<c>msg_stub_</c> + 24 hex, <c>toolu_stub_</c> + 20 hex.</summary>
internal static class StubIds
{
    public static string NewRequestId() => "req_stub_" + Hex(24);

    public static string NewMessageId() => "msg_stub_" + Hex(24);

    public static string NewToolUseId() => "toolu_stub_" + Hex(20);

    private static string Hex(int length) => Guid.NewGuid().ToString("N")[..length];
}
