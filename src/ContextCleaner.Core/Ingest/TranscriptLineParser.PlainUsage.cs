using ContextCleaner.Core.Events;
using static ContextCleaner.Core.Ingest.PlainJson;

namespace ContextCleaner.Core.Ingest;

internal static partial class TranscriptLineParser
{
    // message.usage on the plain path; the same rules as ReadUsage (a null count is 0, the lifetime split is the count).
    private static bool PlainUsage(ReadOnlySpan<byte> json, ref int i, TranscriptLine line)
    {
        long input = 0, output = 0, read = 0, creation = 0;
        long? split5m = null, split1h = null;
        var sawInput = false;
        var sawOutput = false;
        var first = true;
        bool closed;
        while (NextMember(json, ref i, ref first, out var key, out closed))
        {
            bool ok;
            if (key.SequenceEqual("input_tokens"u8)) { ok = Tokens(json, ref i, out input); sawInput = true; }
            else if (key.SequenceEqual("output_tokens"u8)) { ok = Tokens(json, ref i, out output); sawOutput = true; }
            else if (key.SequenceEqual("cache_read_input_tokens"u8)) { ok = Tokens(json, ref i, out read); }
            else if (key.SequenceEqual("cache_creation_input_tokens"u8)) { ok = Tokens(json, ref i, out creation); }
            else if (key.SequenceEqual("cache_creation"u8)) { ok = json[i] == (byte)'{' ? PlainCacheCreation(json, ref i, ref split5m, ref split1h) : Skip(json, ref i); }
            else if (key.SequenceEqual("speed"u8)) { ok = Text(json, ref i, line.Models, out var speed); line.Speed = speed; }
            else { ok = Skip(json, ref i); }

            if (!ok)
            {
                return false;
            }
        }

        if (!closed || !sawInput || !sawOutput)
        {
            return false;
        }

        line.Usage = split5m is null && split1h is null
            ? new TokenUsage(input, output, read, creation, 0)
            : new TokenUsage(input, output, read, split5m ?? 0, split1h ?? 0);
        line.HasUsage = true;
        return true;
    }

    private static bool PlainCacheCreation(ReadOnlySpan<byte> json, ref int i, ref long? split5m, ref long? split1h)
    {
        var first = true;
        bool closed;
        while (NextMember(json, ref i, ref first, out var key, out closed))
        {
            var is5m = key.SequenceEqual("ephemeral_5m_input_tokens"u8);
            if (!is5m && !key.SequenceEqual("ephemeral_1h_input_tokens"u8))
            {
                if (!Skip(json, ref i))
                {
                    return false;
                }

                continue;
            }

            if (!Tokens(json, ref i, out var value))
            {
                return false;
            }

            (is5m ? ref split5m : ref split1h) = value;
        }

        return closed;
    }

    // A token count as the reader path takes it: a missing (null) count is 0.
    private static bool Tokens(ReadOnlySpan<byte> json, ref int i, out long value) =>
        Integer(json, ref i, out value) is PlainToken.Number or PlainToken.Null;
}
