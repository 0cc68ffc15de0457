using System.Collections.Concurrent;

namespace ContextCleaner.Core.Pricing;

/// <summary>
/// Effective-dated model prices. A model name resolves by its canonical id or an alias (after
/// <see cref="ModelNames.Normalize"/>), then by dropping a date suffix; never by fuzzy matching, so an unknown model
/// stays unpriced instead of borrowing a neighbour's price.
/// </summary>
public sealed class PriceTable
{
    private readonly Lazy<IReadOnlyList<ModelPrice>> _entries;
    private readonly Lazy<Dictionary<string, ModelPrice[]>> _byName;
    private readonly ConcurrentDictionary<string, ModelPrice[]?> _resolved = new(StringComparer.Ordinal);
    private readonly Func<string, ModelPrice[]?> _lookup;

    /// <summary>Creates a table; <paramref name="version"/> identifies its content (costs made with another version are recomputed).</summary>
    public PriceTable(IEnumerable<ModelPrice> prices, string version)
        : this(() => [.. prices ?? throw new ArgumentNullException(nameof(prices))], version)
    {
    }

    /// <summary>
    /// Creates a table whose entries are read on first use: a report that imports nothing new never needs them, only
    /// the <paramref name="version"/>.
    /// </summary>
    public PriceTable(Func<IReadOnlyList<ModelPrice>> prices, string version)
    {
        ArgumentNullException.ThrowIfNull(prices);
        Version = version;
        _lookup = Lookup;
        _entries = new Lazy<IReadOnlyList<ModelPrice>>(prices);
        _byName = new Lazy<Dictionary<string, ModelPrice[]>>(() => Entries
            .SelectMany(p => p.Aliases.Prepend(p.Id).Select(name => (Name: ModelNames.Normalize(name), Price: p)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Price).Distinct().OrderBy(p => p.EffectiveFrom).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Identifies the content of the table.</summary>
    public string Version { get; }

    /// <summary>Every entry.</summary>
    public IReadOnlyList<ModelPrice> Entries => _entries.Value;

    /// <summary>The price of <paramref name="model"/> in effect at <paramref name="timestampUtc"/>, or null when unknown.</summary>
    public ModelPrice? Resolve(string? model, DateTime timestampUtc)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var candidates = _resolved.GetOrAdd(model, _lookup);
        if (candidates is null)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(timestampUtc);
        var chosen = candidates[0];
        foreach (var candidate in candidates)
        {
            if (candidate.EffectiveFrom <= day)
            {
                chosen = candidate;
            }
        }

        return chosen;
    }

    private ModelPrice[]? Lookup(string model)
    {
        var normalized = ModelNames.Normalize(model);
        if (_byName.Value.TryGetValue(normalized, out var exact))
        {
            return exact;
        }

        return ModelNames.WithoutDate(normalized) is { } undated && _byName.Value.TryGetValue(undated, out var family) ? family : null;
    }
}
