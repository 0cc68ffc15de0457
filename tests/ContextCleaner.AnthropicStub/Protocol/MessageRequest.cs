using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>A Messages API request body, read the lenient way the Python stub read it (<c>req.get(...)</c>).</summary>
internal sealed class MessageRequest : IDisposable
{
    private readonly JsonDocument _document;

    private MessageRequest(JsonDocument document) => _document = document;

    private JsonElement Root => _document.RootElement;

    public string? Model => Get("model") is { ValueKind: JsonValueKind.String } model ? model.GetString() : null;

    public bool Stream => IsTruthy(Get("stream"));

    public int? MaxTokens => Get("max_tokens") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var value) ? value : null;

    public int MessageCount => Count(Get("messages"));

    public int ToolCount => Count(Get("tools"));

    /// <summary>Parses a body; an empty body is <c>{}</c>. Returns null when it is not a JSON object.</summary>
    public static MessageRequest? TryParse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return new MessageRequest(JsonDocument.Parse("{}"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }

        return new MessageRequest(document);
    }

    /// <summary>A top-level field, or null when absent.</summary>
    public JsonElement? Get(string name) => Root.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Names of the offered <c>tools</c>.</summary>
    public IReadOnlySet<string> OfferedTools()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (Get("tools") is { ValueKind: JsonValueKind.Array } tools)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    names.Add(name.GetString()!);
                }
            }
        }

        return names;
    }

    /// <summary><c>tool_result</c> blocks in all messages: how far the scripted tool chain has got.</summary>
    public int ToolResultCount()
    {
        var count = 0;
        if (Get("messages") is not { ValueKind: JsonValueKind.Array } messages)
        {
            return 0;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("content", out var content)
                && content.ValueKind == JsonValueKind.Array)
            {
                count += content.EnumerateArray().Count(b =>
                    b.ValueKind == JsonValueKind.Object
                    && b.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String
                    && type.ValueEquals("tool_result"));
            }
        }

        return count;
    }

    /// <summary>True when any object anywhere in the body has a <c>cache_control</c> key.</summary>
    public bool HasCacheControl() => HasCacheControl(Root);

    public void Dispose() => _document.Dispose();

    /// <summary>Python truthiness: null, false, 0, "" and empty containers are false.</summary>
    public static bool IsTruthy(JsonElement? value) => value switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Length > 0,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble() != 0,
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
        _ => false,
    };

    private static int Count(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;

    private static bool HasCacheControl(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.NameEquals("cache_control") || HasCacheControl(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasCacheControl),
        _ => false,
    };
}
