namespace ContextCleaner.TestCorpus;

/// <summary>
/// SplitMix64 pseudo-random generator. Its output is fixed by this code alone (unlike System.Random), and it uses
/// only integer arithmetic and IEEE basic operations, so a seed gives the same stream on every platform.
/// </summary>
internal sealed class Prng
{
    private ulong state;

    public Prng(ulong seed)
    {
        state = seed;
    }

    /// <summary>A generator whose stream depends only on <paramref name="seed"/> and <paramref name="stream"/>.</summary>
    public static Prng Derive(ulong seed, ulong stream)
    {
        var mixer = new Prng(seed ^ (stream * 0xD1B54A32D192ED03UL));
        mixer.NextUInt64();
        return new Prng(mixer.NextUInt64() + stream);
    }

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long minInclusive, long maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            return minInclusive;
        }

        var range = (ulong)(maxExclusive - minInclusive);
        var scaled = (UInt128)NextUInt64() * range;
        return minInclusive + (long)(ulong)(scaled >> 64);
    }

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => (int)NextLong(minInclusive, maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>
    /// Roughly log-uniform integer in [<paramref name="low"/>, <paramref name="high"/>]: an octave is chosen
    /// uniformly, then a value uniformly inside it (no transcendental functions, so no libm differences).
    /// </summary>
    public long LogUniform(long low, long high)
    {
        if (low < 1)
        {
            low = 1;
        }

        var octaves = 0;
        for (var v = low; v * 2 <= high; v *= 2)
        {
            octaves++;
        }

        var start = low << Next(0, octaves + 1);
        var value = NextLong(start, (start * 2) + 1);
        return Math.Min(value, high);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>Index chosen with the given relative weights.</summary>
    public int PickWeighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = Next(0, total);
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
