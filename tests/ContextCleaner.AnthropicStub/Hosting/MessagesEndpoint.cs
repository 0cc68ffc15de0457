using ContextCleaner.AnthropicStub.Protocol;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>
/// <c>POST /v1/messages</c>: the order of the Python stub — body check, <c>MaxInputTokens</c>, fault choice, delays,
/// then an error, a JSON message, a streamed message or a broken stream.
/// </summary>
internal sealed class MessagesEndpoint(
    AnthropicStubOptions options,
    StubTimeline timeline,
    FaultPlanner faults,
    ReplyPlanner replies,
    PromptCache cache,
    CancellationToken stopping)
{
    private TimeProvider Time => options.TimeProvider;

    public async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        var requestId = StubIds.NewRequestId();
        var record = RequestCapture.Begin(context, StubRoute.Messages, requestId, Time);
        var index = -1;
        var abandoned = false;
        try
        {
            var body = await RequestCapture.ReadBodyAsync(context.Request, cancellationToken);
            using var request = MessageRequest.TryParse(body);
            if (request is null)
            {
                index = timeline.Add(record);
                await StubResponses.WriteErrorAsync(context.Response, ApiError.NotJson, requestId, options, cancellationToken);
                return;
            }

            record = record with
            {
                Model = request.Model,
                Stream = request.Stream,
                MaxTokens = request.MaxTokens,
                MessageCount = request.MessageCount,
                ToolCount = request.ToolCount,
            };
            if (options.MaxInputTokens is int maximum && UsageEstimator.CountTokens(request) is var tokens && tokens > maximum)
            {
                record = record with { Fault = StubFault.PromptTooLong };
                index = timeline.Add(record);
                await StubResponses.WriteErrorAsync(context.Response, ApiError.TooLong(tokens, maximum), requestId, options, cancellationToken);
                return;
            }

            var fault = faults.Next(request.Model);
            record = record with { Fault = fault };
            var delay = options.ResponseDelay + (fault == StubFault.Slow ? options.SlowDelay : TimeSpan.Zero);
            // The timer exists before the arrival is published, so a test on a fake clock may advance it as soon as
            // it sees the request.
            var waiting = delay > TimeSpan.Zero ? Task.Delay(delay, Time, cancellationToken) : Task.CompletedTask;
            index = timeline.Add(record);
            await waiting;
            if (ApiError.For(fault) is { } error)
            {
                await StubResponses.WriteErrorAsync(context.Response, error, requestId, options, cancellationToken);
                return;
            }

            var plan = replies.Plan(request);
            var usage = UsageEstimator.EstimateInput(request, cache) with { OutputTokens = plan.OutputTokens };
            // A non-streaming request with the stream_error fault is answered normally (fixture s24's last request).
            var broken = fault == StubFault.StreamError && request.Stream;
            record = record with
            {
                MessageId = StubIds.NewMessageId(),
                StopReason = broken ? null : plan.StopReason,
                Usage = broken ? usage with { OutputTokens = 1 } : usage,
            };
            await AnswerAsync(context.Response, request, broken, plan, record, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client hung up (a timeout on its side) or the stub is stopping: drop the connection, keep the record.
            abandoned = true;
            context.Abort();
        }
        finally
        {
            var completed = RequestCapture.Complete(record, context, abandoned, Time);
            if (index < 0)
            {
                timeline.Add(completed);
            }
            else
            {
                timeline.Replace(index, completed);
            }
        }
    }

    private async Task AnswerAsync(
        HttpResponse response, MessageRequest request, bool broken, ReplyPlan plan, StubRequestRecord record, CancellationToken cancellationToken)
    {
        var model = string.IsNullOrEmpty(request.Model) ? AnthropicStubDefaults.Model : request.Model;
        var messageId = record.MessageId!;
        var usage = record.Usage!;
        if (!request.Stream)
        {
            var body = MessageJson.Build(w => MessageJson.WriteMessage(w, messageId, model, plan, usage));
            await StubResponses.WriteJsonAsync(response, StatusCodes.Status200OK, body, record.RequestId, cancellationToken);
            return;
        }

        var sse = new SseWriter(response, Time, options.EventDelay);
        await sse.StartAsync(record.RequestId, cancellationToken);
        if (broken)
        {
            await MessageStream.WriteOverloadedAsync(sse, messageId, model, usage, cancellationToken);
        }
        else
        {
            await MessageStream.WriteAsync(sse, messageId, model, plan, usage, cancellationToken);
        }
    }
}
