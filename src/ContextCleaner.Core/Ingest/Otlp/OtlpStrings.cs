using System.Collections.Concurrent;
using System.Text;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Shared string instances for attribute keys and their low-cardinality values. Claude Code repeats the same ~40 keys
/// and the same model, session and user ids in every record; a fresh string for each was most of what decoding a
/// batch allocated. Bounded: when full the cache starts over, so a server running for weeks keeps the current session
/// ids instead of the first ones.
/// </summary>
internal static class OtlpStrings
{
    private const int MaxLength = 96;
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for UTF-8 <paramref name="utf8"/> (already validated), shared when short.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Get(chars[..length]);
    }

    /// <summary>The string for <paramref name="chars"/>, shared when short.</summary>
    public static string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLength)
        {
            return new string(chars);
        }

        if (Lookup.TryGetValue(chars, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        var created = new string(chars);
        Cache.TryAdd(created, created);
        return created;
    }

    /// <summary>Whether values of <paramref name="key"/> repeat across records (worth sharing).</summary>
    public static bool IsRepeatedValue(string key) => key switch
    {
        "session.id" or "user.id" or "model" or "terminal.type" or "anthropic.provider" or "query_source" or "speed"
            or "tool_name" or "decision" or "source" or "tool_source" or "permission_mode" or "effort" or "type" or "start_type"
            or "service.name" or "service.version" or "os.type" or "os.version" or "host.arch" or "success" or "event.name"
            or "prompt.id" or "span.type" or "gen_ai.conversation.id" or "gen_ai.system" or "gen_ai.provider.name" => true,
        _ => false,
    };
}
