using System.Globalization;

namespace ContextCleaner.TestCorpus;

/// <summary>Minimal "--name value" / positional argument reader; unknown or repeated options are errors.</summary>
internal sealed class ArgReader
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    public ArgReader(IReadOnlyList<string> args, int start, IReadOnlyCollection<string> known)
    {
        for (var i = start; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                Positionals.Add(a);
                continue;
            }

            if (!known.Contains(a))
            {
                throw new FormatException("unknown option " + a);
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException("missing value for " + a);
            }

            if (!options.TryAdd(a, args[++i]))
            {
                throw new FormatException("repeated option " + a);
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public string? Get(string name) => options.GetValueOrDefault(name);

    public string Required(string name) => Get(name) ?? throw new FormatException("missing " + name);

    public long Long(string name, long? fallback = null)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback ?? throw new FormatException("missing " + name);
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException(name + " must be an integer: " + text);
    }

    public int Int(string name, int? fallback = null) => checked((int)Long(name, fallback));

    public DateOnly Date(string name, DateOnly fallback)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException(name + " must be YYYY-MM-DD: " + text);
    }
}
