using Microsoft.AspNetCore.Http;

namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>Builds a request's timeline entry and reads its body.</summary>
internal static class RequestCapture
{
    // Status recorded when the client (or the stub's own shutdown) ended the exchange first: nginx's "client closed request".
    public const int ClientClosedRequest = 499;

    private static readonly string[] SecretHeaders = ["x-api-key", "authorization"];

    public static StubRequestRecord Begin(HttpContext context, StubRoute route, string requestId, TimeProvider time)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            var value = values.ToString();
            var key = name.ToLowerInvariant();
            headers[key] = SecretHeaders.Contains(key) && value.Length > 10 ? value[..10] + "...(redacted)" : value;
        }

        return new StubRequestRecord
        {
            Time = time.GetUtcNow(),
            Method = context.Request.Method,
            Path = context.Request.Path + context.Request.QueryString,
            Route = route,
            RequestId = requestId,
            Headers = headers,
        };
    }

    /// <summary>The record as completed: status sent (or 499 when abandoned) and completion time.</summary>
    public static StubRequestRecord Complete(StubRequestRecord record, HttpContext context, bool abandoned, TimeProvider time) =>
        record with
        {
            StatusCode = abandoned ? ClientClosedRequest : context.Response.StatusCode,
            ClientDisconnected = abandoned,
            CompletedAt = time.GetUtcNow(),
        };

    public static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
