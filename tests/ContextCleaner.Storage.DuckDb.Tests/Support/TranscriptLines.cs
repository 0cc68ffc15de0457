using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// Transcript lines in Claude Code 2.1.328's shape (copied from the fixtures in <c>samples/claude</c>, with the fields
/// analytics ignore trimmed), without the line end.
/// </summary>
internal static class TranscriptLines
{
    public const string SessionId = "5b0c4b8e-6f0e-4f67-9d43-2f4c8f1e2a10";

    /// <summary>An assistant line with real usage: one content block of <paramref name="request"/>.</summary>
    public static byte[] Assistant(TestRequest request, string? text = null, bool isSidechain = false, string? uuid = null) =>
        Json(w =>
        {
            w.WriteString("parentUuid", "0d1f7a52-2c57-4d4e-9b61-1a3f0e5c7d20");
            w.WriteBoolean("isSidechain", isSidechain);
            w.WriteStartObject("message");
            w.WriteString("id", request.MessageId);
            w.WriteString("type", "message");
            w.WriteString("role", "assistant");
            w.WriteString("model", request.Model);
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text ?? "Hello! How can I help you today?");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("stop_reason", "end_turn");
            w.WriteNull("stop_sequence");
            w.WriteStartObject("usage");
            w.WriteNumber("input_tokens", request.Tokens.Input);
            w.WriteNumber("cache_creation_input_tokens", request.Tokens.CacheWrite);
            w.WriteNumber("cache_read_input_tokens", request.Tokens.CacheRead);
            w.WriteNumber("output_tokens", request.Tokens.Output);
            w.WriteString("service_tier", "standard");
            w.WriteStartObject("cache_creation");
            w.WriteNumber("ephemeral_1h_input_tokens", request.Tokens.CacheWrite1h);
            w.WriteNumber("ephemeral_5m_input_tokens", request.Tokens.CacheWrite5m);
            w.WriteEndObject();
            w.WriteString("speed", "standard");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("requestId", request.RequestId);
            w.WriteString("type", "assistant");
            w.WriteString("uuid", uuid ?? Uuid("a", request.MessageId));
            w.WriteString("timestamp", Iso(request.TimestampUtc));
            Envelope(w);
        });

    /// <summary>A prompt line (no event).</summary>
    public static byte[] User(DateTime timestampUtc, string prompt = "say hello") =>
        Json(w =>
        {
            w.WriteNull("parentUuid");
            w.WriteBoolean("isSidechain", false);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteString("content", prompt);
            w.WriteEndObject();
            w.WriteString("uuid", Uuid("u", Iso(timestampUtc)));
            w.WriteString("timestamp", Iso(timestampUtc));
            Envelope(w);
        });

    /// <summary>A <c>system</c>/<c>api_error</c> line: one retried attempt.</summary>
    public static byte[] Retry(string uuid, DateTime timestampUtc, int attempt) =>
        Json(w =>
        {
            w.WriteString("parentUuid", "44074aad-1785-4977-b3d7-7b71a0d82536");
            w.WriteBoolean("isSidechain", false);
            w.WriteString("type", "system");
            w.WriteString("subtype", "api_error");
            w.WriteString("level", "error");
            w.WriteStartObject("error");
            w.WriteString("message", "529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
            w.WriteNumber("status", 529);
            w.WriteString("formatted", "529 Overloaded");
            w.WriteEndObject();
            w.WriteNumber("retryInMs", 549);
            w.WriteNumber("retryAttempt", attempt);
            w.WriteNumber("maxRetries", 10);
            w.WriteString("source", "request_retry");
            w.WriteString("timestamp", Iso(timestampUtc));
            w.WriteString("uuid", uuid);
            Envelope(w);
        });

    /// <summary>Joins lines, each followed by <paramref name="lineEnd"/>.</summary>
    public static byte[] Join(IEnumerable<byte[]> lines, string lineEnd = "\n")
    {
        var end = Encoding.UTF8.GetBytes(lineEnd);
        using var buffer = new MemoryStream();
        foreach (var line in lines)
        {
            buffer.Write(line);
            buffer.Write(end);
        }

        return buffer.ToArray();
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Envelope(Utf8JsonWriter w)
    {
        w.WriteString("userType", "external");
        w.WriteString("entrypoint", "sdk-cli");
        w.WriteString("cwd", "/home/user/project");
        w.WriteString("sessionId", SessionId);
        w.WriteString("version", "2.1.328");
        w.WriteString("gitBranch", "HEAD");
    }

    // A stable uuid-shaped string per (kind, key), so the same line written twice is the same line.
    private static string Uuid(string kind, string key) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(kind + key)).AsSpan(0, 16)).ToString();

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
