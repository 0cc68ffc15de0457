using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>Writes server-sent events (<c>event: NAME\ndata: JSON\n\n</c>), one flushed chunk each.</summary>
internal sealed class SseWriter(HttpResponse response, TimeProvider time, TimeSpan eventDelay)
{
    /// <summary>Sends the 200 headers of an event stream.</summary>
    public async Task StartAsync(string requestId, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["request-id"] = requestId;
        await response.StartAsync(cancellationToken);
    }

    public async Task WriteAsync(string name, Action<Utf8JsonWriter> data, CancellationToken cancellationToken)
    {
        var json = MessageJson.Build(data);
        var head = Encoding.UTF8.GetBytes("event: " + name + "\ndata: ");
        var frame = new byte[head.Length + json.Length + 2];
        head.CopyTo(frame, 0);
        json.CopyTo(frame, head.Length);
        "\n\n"u8.CopyTo(frame.AsSpan(head.Length + json.Length));
        await response.Body.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        if (eventDelay > TimeSpan.Zero)
        {
            await Task.Delay(eventDelay, time, cancellationToken);
        }
    }
}
