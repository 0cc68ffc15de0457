namespace ContextCleaner.TestCorpus;

/// <summary>Identifier formats seen in real transcripts, drawn from a <see cref="Prng"/>.</summary>
internal static class Ids
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Hex = "0123456789abcdef";

    /// <summary>Random (version 4) UUID in lower-case 8-4-4-4-12 form.</summary>
    public static string Uuid(Prng rng)
    {
        Span<char> chars = stackalloc char[36];
        var hi = rng.NextUInt64();
        var lo = rng.NextUInt64();
        hi = (hi & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
        lo = (lo & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        var pos = 0;
        for (var nibble = 0; nibble < 32; nibble++)
        {
            if (nibble is 8 or 12 or 16 or 20)
            {
                chars[pos++] = '-';
            }

            var word = nibble < 16 ? hi : lo;
            var shift = 60 - ((nibble % 16) * 4);
            chars[pos++] = Hex[(int)((word >> shift) & 0xF)];
        }

        return new string(chars);
    }

    public static string MessageId(Prng rng) => "msg_01" + Chars(rng, Base62, 22);

    public static string RequestId(Prng rng) => "req_011C" + Chars(rng, Base62, 20);

    public static string ToolUseId(Prng rng) => "toolu_01" + Chars(rng, Base62, 22);

    public static string HexString(Prng rng, int length) => Chars(rng, Hex, length);

    public static string Base64Like(Prng rng, int length) =>
        Chars(rng, Base62 + "+/", length) + (length % 3 == 0 ? string.Empty : "==");

    private static string Chars(Prng rng, string alphabet, int length)
    {
        return string.Create(length, (rng, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.rng.Next(0, state.alphabet.Length)];
            }
        });
    }
}
