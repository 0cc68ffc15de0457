using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>A total plus a per-model breakdown (one day or one session of the ground truth).</summary>
internal sealed class TruthGroup
{
    public TruthAccumulator Total { get; } = new();

    public SortedDictionary<string, TruthAccumulator> Models { get; } = new(StringComparer.Ordinal);

    public long LastActivityMs { get; private set; } = long.MinValue;

    public void Add(UsageFact fact)
    {
        Total.Add(fact);
        if (!Models.TryGetValue(fact.Model, out var model))
        {
            model = new TruthAccumulator();
            Models.Add(fact.Model, model);
        }

        model.Add(fact);
        LastActivityMs = Math.Max(LastActivityMs, fact.TimestampMs);
    }

    public void WriteBody(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("total");
        Total.WriteTo(writer);
        writer.WriteStartObject("models");
        foreach (var (name, acc) in Models)
        {
            writer.WritePropertyName(name);
            acc.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
