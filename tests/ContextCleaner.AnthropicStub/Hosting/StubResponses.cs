using System.Globalization;
using ContextCleaner.AnthropicStub.Protocol;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>Plain JSON answers and API errors, each with the <c>request-id</c> header.</summary>
internal static class StubResponses
{
    public static async Task WriteJsonAsync(
        HttpResponse response, int statusCode, byte[] body, string requestId, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        response.Headers["request-id"] = requestId;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>
    /// An API error; the same id goes in the header and the body, as the real API does. A 429 carries
    /// <c>retry-after</c> and the rate-limit headers; a 529 carries <c>retry-after</c> only when configured.
    /// </summary>
    public static Task WriteErrorAsync(
        HttpResponse response, ApiError error, string requestId, AnthropicStubOptions options, CancellationToken cancellationToken)
    {
        if (error.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            response.Headers["anthropic-ratelimit-requests-limit"] = "50";
            response.Headers["anthropic-ratelimit-requests-remaining"] = "0";
        }
        else if (error == ApiError.Overloaded && options.OverloadedRetryAfterSeconds is int seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var body = MessageJson.Build(w => MessageJson.WriteError(w, error, requestId));
        return WriteJsonAsync(response, error.StatusCode, body, requestId, cancellationToken);
    }
}
