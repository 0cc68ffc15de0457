using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Core.Analytics;

/// <summary>Sums the requests of one block while <see cref="BillingBlockBuilder"/> walks them.</summary>
internal sealed class BlockAccumulator(DateTime startUtc)
{
    private readonly List<string> _models = [];
    private TokenUsage _tokens;
    private decimal _cost;
    private int _entries;
    private DateTime _first;

    public DateTime StartUtc { get; } = startUtc;

    public DateTime LastUtc { get; private set; }

    public void Add(UsageEntry entry, CostMode mode)
    {
        if (_entries == 0)
        {
            _first = entry.TimestampUtc;
        }

        _entries++;
        _tokens += entry.Tokens;
        _cost += BillingBlockBuilder.Cost(entry, mode);
        LastUtc = entry.TimestampUtc;
        if (!_models.Contains(entry.Model))
        {
            _models.Add(entry.Model);
        }
    }

    public BillingBlock ToBlock(TimeSpan length, DateTime nowUtc)
    {
        var end = StartUtc + length;
        var active = nowUtc - LastUtc < length && nowUtc < end;
        var rate = active ? Rate() : null;
        return new BillingBlock
        {
            Id = IsoTime.Format(StartUtc),
            StartUtc = StartUtc,
            EndUtc = end,
            ActualEndUtc = LastUtc,
            IsActive = active,
            IsGap = false,
            Entries = _entries,
            Tokens = _tokens,
            CostUsd = _cost,
            Models = _models,
            BurnRate = rate,
            Projection = rate is null ? null : Project(rate, end, nowUtc),
        };
    }

    private BurnRate? Rate()
    {
        var minutes = (LastUtc - _first).TotalMinutes;
        return minutes <= 0
            ? null
            : new BurnRate(_tokens.Total / minutes, (_tokens.Input + _tokens.Output) / minutes, (double)_cost / minutes * 60);
    }

    private BlockProjection Project(BurnRate rate, DateTime end, DateTime nowUtc)
    {
        var remaining = Math.Max(0, (end - nowUtc).TotalMinutes);
        var tokens = (long)Math.Round(_tokens.Total + (rate.TokensPerMinute * remaining), MidpointRounding.AwayFromZero);
        var cost = Math.Round(_cost + ((decimal)(rate.CostPerHour / 60 * remaining)), 2, MidpointRounding.AwayFromZero);
        return new BlockProjection(tokens, cost, (long)Math.Round(remaining, MidpointRounding.AwayFromZero));
    }
}
