namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// A stream of pseudo-random numbers from a fixed key (SplitMix64): every event draws from its own stream, keyed by its
/// index, so any batch can be generated again on its own (a re-delivered batch) and every run makes the same events.
/// </summary>
internal struct Draws(ulong key)
{
    private ulong _state = key;

    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public ulong Next() => _state = Mix(_state);

    /// <summary>Uniform in [0, max).</summary>
    public int Int(int max) => (int)(Next() % (ulong)max);

    /// <summary>Uniform in [min, max).</summary>
    public long Long(long min, long max) => min + (long)(Next() % (ulong)(max - min));

    /// <summary>True with the given percentage.</summary>
    public bool Percent(int percent) => Int(100) < percent;

    /// <summary>Uniform in [0, 1).</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));
}
