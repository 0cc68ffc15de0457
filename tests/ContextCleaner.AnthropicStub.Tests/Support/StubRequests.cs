using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>Request bodies shaped like Claude Code's, small enough to count by hand.</summary>
internal static class StubRequests
{
    public const string Model = "claude-sonnet-4-5-20250929";

    /// <summary><c>[{"role": "user", "content": "say hello"}]</c>: 42 characters as Python dumps it → 10 tokens.</summary>
    public static JsonArray SayHello() => [new JsonObject { ["role"] = "user", ["content"] = "say hello" }];

    /// <summary>
    /// One system block with <c>cache_control</c>; <c>{"system": [...], "tools": null}</c> dumps to 112 characters →
    /// 28 tokens.
    /// </summary>
    public static JsonArray CachedSystem(string text = "You are a test.") =>
    [
        new JsonObject
        {
            ["type"] = "text",
            ["text"] = text,
            ["cache_control"] = new JsonObject { ["type"] = "ephemeral" },
        },
    ];

    public static JsonObject Body(bool stream, JsonArray? messages = null, JsonArray? system = null, JsonArray? tools = null, string model = Model)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = 32000,
            ["messages"] = messages ?? SayHello(),
            ["stream"] = stream,
        };
        if (system is not null)
        {
            body["system"] = system;
        }

        if (tools is not null)
        {
            body["tools"] = tools;
        }

        return body;
    }

    public static JsonArray Tools(params string[] names) =>
        [.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n, ["description"] = n, ["input_schema"] = new JsonObject { ["type"] = "object" } })];

    public static HttpRequestMessage Post(string path, JsonNode body) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, JsonNode body, CancellationToken cancellationToken, string path = "/v1/messages?beta=true")
    {
        using var request = Post(path, body);
        request.Headers.Add("x-api-key", "sk-ant-test-secret");
        request.Headers.Add("anthropic-version", "2023-06-01");
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }
}
