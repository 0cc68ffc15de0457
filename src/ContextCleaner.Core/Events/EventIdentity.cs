using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace ContextCleaner.Core.Events;

/// <summary>
/// Deterministic event ids: a 128-bit XxHash of the event's natural key, so the same event read twice (re-import,
/// replayed transcript line, re-delivered OTLP batch) always gets the same id. Each key part is followed by a unit
/// separator, so ("ab", "c") and ("a", "bc") hash differently.
/// </summary>
public static class EventIdentity
{
    private const byte Separator = 0x1f;
    private const int StackLimit = 512;

    /// <summary>
    /// Id of an API response. Claude Code writes one transcript line per content block with the same
    /// (<c>message.id</c>, <c>requestId</c>) and the same usage; resumed sessions replay them. All of them are one request.
    /// </summary>
    public static Guid ForApiResponse(string messageId, string? requestId) => Hash("response", messageId, requestId ?? "");

    /// <summary>The same id as <see cref="ForApiResponse(string, string?)"/>, from the UTF-8 bytes of the message id.</summary>
    public static Guid ForApiResponse(ReadOnlySpan<byte> messageIdUtf8, string? requestId) =>
        Hash("response"u8, messageIdUtf8, requestId ?? "");

    /// <summary>
    /// Id of an API request known by its request id: the transcript lines of a response and OpenTelemetry's
    /// <c>api_request</c> event share it (the OTLP event carries no message id), so a store holding both sources
    /// counts the request once.
    /// </summary>
    public static Guid ForApiRequest(string requestId) => Hash("request", requestId, "");

    /// <summary>Id of a transcript line that is an event on its own (retry, error), keyed by the line's uuid.</summary>
    public static Guid ForTranscriptLine(string uuid) => Hash("line", uuid, "");

    /// <summary>Id of a line with no natural key: its position in its file.</summary>
    public static Guid ForPosition(string path, long offset) => Hash("position", path, offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>Id from a scope and two key parts (used by other sources).</summary>
    public static Guid ForKey(string scope, string part1, string part2) => Hash(scope, part1, part2);

    private static Guid Hash(string scope, string a, string b)
    {
        var max = Encoding.UTF8.GetMaxByteCount(scope.Length + a.Length);
        var rented = max > StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
        var scopeLength = Encoding.UTF8.GetBytes(scope, buffer);
        var aLength = Encoding.UTF8.GetBytes(a, buffer[scopeLength..]);
        var id = Hash(buffer[..scopeLength], buffer.Slice(scopeLength, aLength), b);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return id;
    }

    private static Guid Hash(ReadOnlySpan<byte> scope, ReadOnlySpan<byte> a, string b)
    {
        var max = scope.Length + a.Length + Encoding.UTF8.GetMaxByteCount(b.Length) + 3;
        var rented = max > StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
        var n = Put(buffer, scope);
        n += Put(buffer[n..], a);
        n += Put(buffer[n..], b);
        var id = Digest(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return id;
    }

    private static int Put(Span<byte> buffer, string part)
    {
        var n = Encoding.UTF8.GetBytes(part, buffer);
        buffer[n] = Separator;
        return n + 1;
    }

    private static int Put(Span<byte> buffer, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer);
        buffer[part.Length] = Separator;
        return part.Length + 1;
    }

    // The one-shot API hashes on the stack; an XxHash128 instance per event was the largest allocation of an import.
    private static Guid Digest(ReadOnlySpan<byte> key)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(key, digest);
        return new Guid(digest);
    }
}
