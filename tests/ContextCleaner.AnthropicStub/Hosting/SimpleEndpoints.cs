using ContextCleaner.AnthropicStub.Protocol;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary><c>count_tokens</c>, the <c>HEAD /api/hello</c> probe and the 404 for everything else — all recorded.</summary>
internal sealed class SimpleEndpoints(AnthropicStubOptions options, StubTimeline timeline, CancellationToken stopping)
{
    public Task CountTokensAsync(HttpContext context) =>
        RecordAsync(context, StubRoute.CountTokens, async (requestId, cancellationToken) =>
        {
            var body = await RequestCapture.ReadBodyAsync(context.Request, cancellationToken);
            using var request = MessageRequest.TryParse(body);
            if (request is null)
            {
                await StubResponses.WriteErrorAsync(context.Response, ApiError.NotJson, requestId, options, cancellationToken);
                return;
            }

            var tokens = UsageEstimator.CountTokens(request);
            var answer = MessageJson.Build(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("input_tokens", tokens);
                w.WriteEndObject();
            });
            await StubResponses.WriteJsonAsync(context.Response, StatusCodes.Status200OK, answer, requestId, cancellationToken);
        });

    public Task HelloAsync(HttpContext context) =>
        RecordAsync(context, StubRoute.Hello, (_, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        });

    public Task NotFoundAsync(HttpContext context) =>
        RecordAsync(context, StubRoute.NotFound, (requestId, cancellationToken) =>
            StubResponses.WriteErrorAsync(context.Response, ApiError.NotFound, requestId, options, cancellationToken));

    private async Task RecordAsync(HttpContext context, StubRoute route, Func<string, CancellationToken, Task> respond)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var requestId = StubIds.NewRequestId();
        var record = RequestCapture.Begin(context, route, requestId, options.TimeProvider);
        var index = timeline.Add(record);
        var abandoned = false;
        try
        {
            await respond(requestId, linked.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && linked.IsCancellationRequested)
        {
            abandoned = true;
            context.Abort();
        }
        finally
        {
            timeline.Replace(index, RequestCapture.Complete(record, context, abandoned, options.TimeProvider));
        }
    }
}
