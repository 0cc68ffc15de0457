using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace ContextCleaner.Core.Events;

/// <summary>
/// Deterministic event ids: a 128-bit XxHash of the event's natural key, so the same event read twice (re-import,
/// replayed transcript line, re-delivered OTLP batch) always gets the same id.
/// </summary>
public static class EventIdentity
{
    /// <summary>
    /// Id of an API response. Claude Code writes one transcript line per content block with the same
    /// (<c>message.id</c>, <c>requestId</c>) and the same usage; resumed sessions replay them. All of them are one request.
    /// </summary>
    public static Guid ForApiResponse(string messageId, string? requestId) => Hash("response", messageId, requestId ?? "");

    /// <summary>The same id as <see cref="ForApiResponse(string, string?)"/>, from the UTF-8 bytes of the message id.</summary>
    public static Guid ForApiResponse(ReadOnlySpan<byte> messageIdUtf8, string? requestId)
    {
        var hash = new XxHash128();
        Append(ref hash, "response");
        hash.Append(messageIdUtf8);
        hash.Append([0x1f]);
        Append(ref hash, requestId ?? "");
        return Digest(ref hash);
    }

    /// <summary>Id of a transcript line that is an event on its own (retry, error), keyed by the line's uuid.</summary>
    public static Guid ForTranscriptLine(string uuid) => Hash("line", uuid, "");

    /// <summary>Id of a line with no natural key: its position in its file.</summary>
    public static Guid ForPosition(string path, long offset) => Hash("position", path, offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>Id from a scope and two key parts (used by other sources).</summary>
    public static Guid ForKey(string scope, string part1, string part2) => Hash(scope, part1, part2);

    private static Guid Hash(string scope, string a, string b)
    {
        var hash = new XxHash128();
        Append(ref hash, scope);
        Append(ref hash, a);
        Append(ref hash, b);
        return Digest(ref hash);
    }

    private static Guid Digest(ref XxHash128 hash)
    {
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return new Guid(digest);
    }

    // Each part is followed by a unit separator, so ("ab", "c") and ("a", "bc") hash differently.
    private static void Append(ref XxHash128 hash, string part)
    {
        var max = Encoding.UTF8.GetMaxByteCount(part.Length) + 1;
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        var n = Encoding.UTF8.GetBytes(part, buffer);
        buffer[n] = 0x1f;
        hash.Append(buffer[..(n + 1)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
