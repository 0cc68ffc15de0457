using System.Text;

namespace ContextCleaner.TestCorpus;

/// <summary>Counters of the generated corpus, keyed by <see cref="Counter"/>.</summary>
internal sealed class CorpusCounts
{
    private readonly long[] values = new long[Enum.GetValues<Counter>().Length];

    public long this[Counter counter]
    {
        get => values[(int)counter];
        set => values[(int)counter] = value;
    }

    public void Add(Counter counter, long amount = 1) => values[(int)counter] += amount;

    /// <summary>Counters in declaration order, keyed by snake_case name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot()
    {
        var list = new List<KeyValuePair<string, long>>();
        foreach (var counter in Enum.GetValues<Counter>())
        {
            list.Add(new KeyValuePair<string, long>(SnakeCase(counter.ToString()), values[(int)counter]));
        }

        return list;
    }

    private static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
