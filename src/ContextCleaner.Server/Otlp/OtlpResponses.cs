using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ContextCleaner.Core.Ingest.Otlp;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.Server.Otlp;

/// <summary>
/// OTLP/HTTP answers in the request's encoding: <c>Export*ServiceResponse</c> (with <c>partial_success</c> when records
/// were rejected) for 200, <c>google.rpc.Status</c> for failures (telemetry-formats.md §5.2).
/// </summary>
internal static class OtlpResponses
{
    // google.rpc.Code values used in Status bodies.
    private const int InvalidArgument = 3;
    private const int ResourceExhausted = 8;
    private const int Unavailable = 14;
    private const int Unauthenticated = 16;

    public static Task SuccessAsync(HttpContext context, OtlpFormat format, OtlpSignal signal, int rejected, string? message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (format == OtlpFormat.Json)
        {
            var body = rejected == 0 && message is null
                ? "{}"
                : $"{{\"partialSuccess\":{{\"{RejectedJsonKey(signal)}\":\"{rejected.ToString(CultureInfo.InvariantCulture)}\",\"errorMessage\":\"{Escape(message ?? "")}\"}}}}";
            return WriteAsync(context, format, Encoding.UTF8.GetBytes(body));
        }

        var response = new ProtobufWriter();
        if (rejected != 0 || message is not null)
        {
            var partial = new ProtobufWriter();
            partial.Varint(1, rejected);
            partial.String(2, message ?? "");
            response.Message(1, partial);
        }

        return WriteAsync(context, format, response.ToArray());
    }

    public static Task BadRequestAsync(HttpContext context, OtlpFormat format, string message) =>
        StatusAsync(context, format, StatusCodes.Status400BadRequest, InvalidArgument, message);

    public static Task TooLargeAsync(HttpContext context, OtlpFormat format, long limit) =>
        StatusAsync(context, format, StatusCodes.Status413PayloadTooLarge, ResourceExhausted, $"request body larger than the {limit}-byte limit");

    public static Task UnauthorizedAsync(HttpContext context, OtlpFormat format)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return StatusAsync(context, format, StatusCodes.Status401Unauthorized, Unauthenticated, "missing or wrong bearer token");
    }

    public static Task UnsupportedAsync(HttpContext context, OtlpFormat format, string message) =>
        StatusAsync(context, format, StatusCodes.Status415UnsupportedMediaType, InvalidArgument, message);

    /// <summary>503 with <c>Retry-After</c>: the exporter keeps the batch and sends it again.</summary>
    public static Task UnavailableAsync(HttpContext context, OtlpFormat format, int retryAfterSeconds, string message)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return StatusAsync(context, format, StatusCodes.Status503ServiceUnavailable, Unavailable, message);
    }

    private static Task StatusAsync(HttpContext context, OtlpFormat format, int httpStatus, int code, string message)
    {
        context.Response.StatusCode = httpStatus;
        if (format == OtlpFormat.Json)
        {
            return WriteAsync(context, format,
                Encoding.UTF8.GetBytes($"{{\"code\":{code.ToString(CultureInfo.InvariantCulture)},\"message\":\"{Escape(message)}\"}}"));
        }

        var status = new ProtobufWriter();
        status.Varint(1, code);
        status.String(2, message);
        return WriteAsync(context, format, status.ToArray());
    }

    private static async Task WriteAsync(HttpContext context, OtlpFormat format, byte[] body)
    {
        context.Response.ContentType = OtlpContentType.Of(format);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string RejectedJsonKey(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Logs => "rejectedLogRecords",
        OtlpSignal.Metrics => "rejectedDataPoints",
        _ => "rejectedSpans",
    };

    private static string Escape(string text) => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text);
}
