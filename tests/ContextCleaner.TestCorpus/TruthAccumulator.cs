using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Sums of counted requests: token kinds, request count and both cost conventions.</summary>
internal sealed class TruthAccumulator
{
    public long Input { get; private set; }

    public long Output { get; private set; }

    public long CacheCreation { get; private set; }

    public long CacheRead { get; private set; }

    public long Messages { get; private set; }

    public decimal CostUsd { get; private set; }

    public decimal CostUsdCcusage { get; private set; }

    public long Total => Input + Output + CacheCreation + CacheRead;

    public void Add(UsageFact fact)
    {
        var price = PriceList.Get(fact.Model);
        Input += fact.Usage.Input;
        Output += fact.Usage.Output;
        CacheCreation += fact.Usage.CacheCreation;
        CacheRead += fact.Usage.CacheRead;
        Messages++;
        CostUsd += CostCalculator.Anthropic(price, fact.Usage);
        CostUsdCcusage += CostCalculator.Ccusage(price, fact.Usage);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("input_tokens", Input);
        writer.WriteNumber("output_tokens", Output);
        writer.WriteNumber("cache_creation_tokens", CacheCreation);
        writer.WriteNumber("cache_read_tokens", CacheRead);
        writer.WriteNumber("total_tokens", Total);
        writer.WriteNumber("messages", Messages);
        writer.WriteNumber("cost_usd", Money(CostUsd));
        writer.WriteNumber("cost_usd_ccusage", Money(CostUsdCcusage));
        writer.WriteEndObject();
    }

    /// <summary>Rounded to 9 places (list prices make costs exact at 8) and without trailing zeros.</summary>
    public static decimal Money(decimal value) =>
        decimal.Round(value, 9, MidpointRounding.ToEven) / 1.000000000000000000000000000000000m;
}
