using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Tests.Support;

/// <summary>Reads an event stream the way an SSE client does: fields until a blank line, then dispatch.</summary>
internal static class SseParser
{
    public static async Task<IReadOnlyList<SseEvent>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var events = new List<SseEvent>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    using var document = JsonDocument.Parse(string.Join('\n', data));
                    events.Add(new SseEvent(name ?? "message", document.RootElement.Clone()));
                }

                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }

        return events;
    }
}
