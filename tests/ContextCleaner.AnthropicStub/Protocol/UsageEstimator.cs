using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>
/// Synthetic usage as the Python stub computed it: tokens ≈ characters of Python's <c>json.dumps</c> / 4; the
/// system prompt + tools (the "prefix") count as cache creation the first time and as a cache read afterwards
/// when the request carries <c>cache_control</c>, otherwise as plain input.
/// </summary>
internal static class UsageEstimator
{
    private static readonly string[] PrefixFields = ["system", "tools"];
    private static readonly string[] CountedFields = ["system", "messages", "tools"];

    /// <summary>Input-side usage of an answered request (output tokens 0); records the prefix as seen.</summary>
    public static StubUsage EstimateInput(MessageRequest request, PromptCache cache)
    {
        var prefixTokens = PrefixFields.Any(f => MessageRequest.IsTruthy(request.Get(f)))
            ? EstimateTokens(Fields(request, PrefixFields, ensureAscii: false))
            : 0;
        var messages = request.Get("messages");
        var messageTokens = EstimateTokens(MessageRequest.IsTruthy(messages)
            ? PythonJson.Dumps(messages!.Value, ensureAscii: false)
            : "[]");
        var seen = cache.MarkSeen(PrefixKey(request));
        if (request.HasCacheControl() && prefixTokens > 0)
        {
            return seen
                ? new StubUsage(messageTokens, 0, prefixTokens, 0)
                : new StubUsage(messageTokens, prefixTokens, 0, 0);
        }

        return new StubUsage(messageTokens + prefixTokens, 0, 0, 0);
    }

    /// <summary>The <c>count_tokens</c> answer (also the <c>MaxInputTokens</c> check).</summary>
    public static int CountTokens(MessageRequest request) =>
        EstimateTokens(Fields(request, CountedFields, ensureAscii: false));

    /// <summary><c>max(1, len(text) // 4)</c>.</summary>
    public static int EstimateTokens(string pythonJson) => Math.Max(1, PythonJson.PythonLength(pythonJson) / 4);

    private static string PrefixKey(MessageRequest request)
    {
        var canonical = Fields(request, PrefixFields, ensureAscii: true, sortKeys: true);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    // {k: req.get(k) for k in fields}: absent fields are null.
    private static string Fields(MessageRequest request, string[] fields, bool ensureAscii, bool sortKeys = false)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < fields.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ");
            PythonJson.WriteString(text, fields[i], ensureAscii);
            text.Append(": ");
            text.Append(request.Get(fields[i]) is JsonElement value ? PythonJson.Dumps(value, ensureAscii, sortKeys) : "null");
        }

        return text.Append('}').ToString();
    }
}
