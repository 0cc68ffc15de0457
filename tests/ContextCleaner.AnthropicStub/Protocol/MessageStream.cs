using System.Text.Json;

namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>
/// The streamed answer, event by event as the real API sends it: <c>message_start</c>, <c>ping</c>, per block
/// <c>content_block_start</c> / <c>content_block_delta</c>… / <c>content_block_stop</c>, <c>message_delta</c>
/// (stop reason + cumulative usage, which Claude Code keeps), <c>message_stop</c>.
/// </summary>
internal static class MessageStream
{
    private const int WordsPerTextDelta = 3;
    private const int CharactersPerJsonDelta = 16;

    public static async Task WriteAsync(
        SseWriter sse, string messageId, string model, ReplyPlan plan, StubUsage usage, CancellationToken cancellationToken)
    {
        await WriteStartAsync(sse, messageId, model, usage, cancellationToken);
        await sse.WriteAsync("ping", w => Typed(w, "ping").WriteEndObject(), cancellationToken);
        for (var index = 0; index < plan.Blocks.Count; index++)
        {
            var block = plan.Blocks[index];
            await sse.WriteAsync("content_block_start", w =>
            {
                Typed(w, "content_block_start").WriteNumber("index", index);
                w.WritePropertyName("content_block");
                MessageJson.WriteBlock(w, block, complete: false);
                w.WriteEndObject();
            }, cancellationToken);
            var (deltaType, field, pieces) = block.IsText
                ? ("text_delta", "text", TextPieces(block.Text!))
                : ("input_json_delta", "partial_json", JsonPieces(block.InputPythonJson()));
            foreach (var piece in pieces)
            {
                await sse.WriteAsync("content_block_delta", w =>
                {
                    Typed(w, "content_block_delta").WriteNumber("index", index);
                    w.WriteStartObject("delta");
                    w.WriteString("type", deltaType);
                    w.WriteString(field, piece);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }, cancellationToken);
            }

            await sse.WriteAsync("content_block_stop", w =>
            {
                Typed(w, "content_block_stop").WriteNumber("index", index);
                w.WriteEndObject();
            }, cancellationToken);
        }

        await sse.WriteAsync("message_delta", w =>
        {
            Typed(w, "message_delta").WriteStartObject("delta");
            w.WriteString("stop_reason", plan.StopReason);
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            w.WritePropertyName("usage");
            MessageJson.WriteUsage(w, usage, full: false);
            w.WriteEndObject();
        }, cancellationToken);
        await sse.WriteAsync("message_stop", w => Typed(w, "message_stop").WriteEndObject(), cancellationToken);
    }

    /// <summary>The <c>stream_error</c> fault: the stream opens normally, then an overloaded <c>error</c> event ends it.</summary>
    public static async Task WriteOverloadedAsync(
        SseWriter sse, string messageId, string model, StubUsage usage, CancellationToken cancellationToken)
    {
        await WriteStartAsync(sse, messageId, model, usage, cancellationToken);
        await sse.WriteAsync("error", w => MessageJson.WriteError(w, ApiError.Overloaded, requestId: null), cancellationToken);
    }

    /// <summary>The text split as the Python stub split it: three space-separated words per delta.</summary>
    internal static IEnumerable<string> TextPieces(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += WordsPerTextDelta)
        {
            var last = i + WordsPerTextDelta >= words.Length;
            yield return string.Join(' ', words.Skip(i).Take(WordsPerTextDelta)) + (last ? "" : " ");
        }
    }

    internal static IEnumerable<string> JsonPieces(string json)
    {
        for (var i = 0; i < json.Length; i += CharactersPerJsonDelta)
        {
            yield return json.Substring(i, Math.Min(CharactersPerJsonDelta, json.Length - i));
        }
    }

    private static Task WriteStartAsync(SseWriter sse, string messageId, string model, StubUsage usage, CancellationToken cancellationToken) =>
        sse.WriteAsync("message_start", w =>
        {
            Typed(w, "message_start").WritePropertyName("message");
            MessageJson.WriteMessage(w, messageId, model, plan: null, usage with { OutputTokens = 1 });
            w.WriteEndObject();
        }, cancellationToken);

    private static Utf8JsonWriter Typed(Utf8JsonWriter writer, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        return writer;
    }
}
