namespace ContextCleaner.TestCorpus;

/// <summary>
/// The independent ground truth. Facts must be observed in the order a reader meets them (files in ordinal path
/// order, lines in file order). One counted request per (message.id, requestId): it stays attributed to the
/// session/project of its first line, and takes the usage and timestamp of the first line with the largest
/// token total (a final usage line beats an earlier partial one; byte-identical copies change nothing).
/// </summary>
internal sealed class GroundTruth
{
    private readonly Dictionary<(string MessageId, string RequestId), int> index = [];
    private readonly List<UsageFact> requests = [];

    public TruthAccumulator Totals { get; } = new();

    public SortedDictionary<string, TruthAccumulator> ByModel { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, TruthGroup> ByDay { get; } = new(StringComparer.Ordinal);

    /// <summary>Keyed "project/session".</summary>
    public SortedDictionary<string, (string SessionId, string Project, TruthGroup Group)> BySession { get; } =
        new(StringComparer.Ordinal);

    /// <summary>Counted requests above 200k prompt tokens on a model with a long-context tier, in reading order.</summary>
    public List<UsageFact> LongContext { get; } = [];

    public int RequestCount => requests.Count;

    public void Observe(UsageFact fact)
    {
        var key = (fact.MessageId, fact.RequestId);
        if (!index.TryGetValue(key, out var i))
        {
            index.Add(key, requests.Count);
            requests.Add(fact);
            return;
        }

        var kept = requests[i];
        if (fact.Usage.Total > kept.Usage.Total)
        {
            requests[i] = kept with { Usage = fact.Usage, TimestampMs = fact.TimestampMs, Model = fact.Model };
        }
    }

    /// <summary>Folds the counted requests into totals, models, days and sessions. Call once, after all facts.</summary>
    public void Aggregate()
    {
        foreach (var fact in requests)
        {
            Totals.Add(fact);
            GetOrAdd(ByModel, fact.Model).Add(fact);
            GetOrAdd(ByDay, IsoTime.Day(fact.TimestampMs)).Add(fact);
            var sessionKey = fact.Project + "/" + fact.SessionId;
            if (!BySession.TryGetValue(sessionKey, out var session))
            {
                session = (fact.SessionId, fact.Project, new TruthGroup());
                BySession.Add(sessionKey, session);
            }

            session.Group.Add(fact);
            if (PriceList.Get(fact.Model).LongContext is not null && CostCalculator.IsLongContext(fact.Usage))
            {
                LongContext.Add(fact);
            }
        }
    }

    private static T GetOrAdd<T>(SortedDictionary<string, T> map, string key)
        where T : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new T();
            map.Add(key, value);
        }

        return value;
    }
}
