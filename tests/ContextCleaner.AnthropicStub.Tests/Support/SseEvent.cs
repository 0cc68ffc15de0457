using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>One server-sent event: its <c>event:</c> name and parsed <c>data:</c>.</summary>
internal sealed record SseEvent(string Name, JsonElement Data);
