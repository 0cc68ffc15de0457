using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.Server.Otlp;

/// <summary>
/// Reads a request body into memory, gunzipping it when <c>Content-Encoding: gzip</c>, and stops at the size limit both
/// before and after decompression (a 1 KB gzip bomb must not become 1 GB in memory).
/// </summary>
internal static class OtlpBodyReader
{
    public static async Task<(BodyReadStatus Status, byte[] Body, int Length)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (BodyReadStatus.TooLarge, [], 0);
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (BodyReadStatus.UnsupportedEncoding, [], 0);
        }

        if (!gzip)
        {
            return await ReadLimitedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        // The compressed size is limited too: read it whole (bounded) before inflating it.
        var (status, compressed, length) = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (status != BodyReadStatus.Ok)
        {
            return (status, [], 0);
        }

        try
        {
            using var source = new MemoryStream(compressed, 0, length, writable: false);
            await using var inflate = new GZipStream(source, CompressionMode.Decompress);
            return await ReadLimitedAsync(inflate, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return (BodyReadStatus.BadGzip, [], 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    /// <summary>Returns the body in a pooled array (the caller returns it); Length is the used part.</summary>
    private static async Task<(BodyReadStatus, byte[], int)> ReadLimitedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (BodyReadStatus.TooLarge, [], 0);
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (BodyReadStatus.TooLarge, [], 0);
            }
        }

        return (BodyReadStatus.Ok, buffer, length);
    }
}
