using System.Buffers;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Ingestion;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.Server.Otlp;

/// <summary>
/// <c>POST /v1/logs|metrics|traces</c>: authorize, read (gunzip, size limit), decode by content type, map to canonical
/// events, commit, answer. Every failure is an answer with the right status — the server never dies on input.
/// </summary>
internal sealed class OtlpEndpoint(ServerOptions options, OtlpEventMapper mapper, StoreWriter writer, ServerStatistics statistics)
{
    private const int RetryAfterSeconds = 2;
    private readonly BearerToken _token = new(options.Token);

    public async Task HandleAsync(HttpContext context, OtlpSignal signal)
    {
        statistics.Received();
        var format = OtlpContentType.Parse(context.Request.ContentType);
        if (!_token.Allows(context.Request))
        {
            statistics.Answered(StatusCodes.Status401Unauthorized);
            await OtlpResponses.UnauthorizedAsync(context, format ?? OtlpFormat.Json).ConfigureAwait(false);
            return;
        }

        if (format is not { } known)
        {
            statistics.Answered(StatusCodes.Status415UnsupportedMediaType);
            await OtlpResponses.UnsupportedAsync(context, OtlpFormat.Json,
                $"Content-Type '{context.Request.ContentType}' is not {OtlpContentType.Protobuf} or {OtlpContentType.Json}").ConfigureAwait(false);
            return;
        }

        var (status, body, length) = await OtlpBodyReader.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        switch (status)
        {
            case BodyReadStatus.TooLarge:
                statistics.Answered(StatusCodes.Status413PayloadTooLarge);
                await OtlpResponses.TooLargeAsync(context, known, options.MaxBodyBytes).ConfigureAwait(false);
                return;
            case BodyReadStatus.BadGzip:
                statistics.Answered(StatusCodes.Status400BadRequest);
                await OtlpResponses.BadRequestAsync(context, known, "Content-Encoding is gzip but the body is not valid gzip").ConfigureAwait(false);
                return;
            case BodyReadStatus.UnsupportedEncoding:
                statistics.Answered(StatusCodes.Status415UnsupportedMediaType);
                await OtlpResponses.UnsupportedAsync(context, known,
                    $"Content-Encoding '{context.Request.Headers.ContentEncoding}' is not supported (gzip or none)").ConfigureAwait(false);
                return;
            default:
                break;
        }

        OtlpExport export;
        try
        {
            export = known == OtlpFormat.Json
                ? OtlpJsonDecoder.Decode(signal, body.AsSpan(0, length))
                : OtlpProtobufDecoder.Decode(signal, body.AsSpan(0, length));
        }
        catch (OtlpFormatException e)
        {
            statistics.Answered(StatusCodes.Status400BadRequest);
            await OtlpResponses.BadRequestAsync(context, known, e.Message).ConfigureAwait(false);
            return;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        var mapping = mapper.Map(export);
        statistics.Records(export.RecordCount, mapping.Rejected);
        var outcome = await writer.SubmitAsync(mapping.Events, mapping.Metrics, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Status != WriteStatus.Committed)
        {
            statistics.Answered(StatusCodes.Status503ServiceUnavailable);
            await OtlpResponses.UnavailableAsync(context, known, RetryAfterSeconds, $"not stored, retry: {outcome.Reason}").ConfigureAwait(false);
            return;
        }

        statistics.Answered(StatusCodes.Status200OK);
        var message = mapping.Rejected == 0 ? null : $"{mapping.Rejected} rejected; first: {mapping.RejectReason}";
        await OtlpResponses.SuccessAsync(context, known, signal, mapping.Rejected, message).ConfigureAwait(false);
    }
}
