using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>One conversation chain being written: the main thread of a session, or one sidechain/subagent run.</summary>
internal sealed class Chain(GenerationContext g, SessionPlan plan, TranscriptFile file, LineContext ctx, Prng rng,
    string mainModel, string? altModel, long systemPrefix)
{
    private readonly Dictionary<string, PromptCache> caches = new(StringComparer.Ordinal);

    public GenerationContext G { get; } = g;

    public SessionPlan Plan { get; } = plan;

    public TranscriptFile File { get; } = file;

    public LineContext Ctx { get; } = ctx;

    public Prng Rng { get; } = rng;

    public string MainModel { get; } = mainModel;

    public string? AltModel { get; } = altModel;

    public CorpusCounts Counts => G.Counts;

    /// <summary>User + assistant lines written by this chain.</summary>
    public int ConversationLines { get; set; }

    public string? LastRequestRef { get; set; }

    /// <summary>Assistant lines (bytes and fact) of the current turn, for duplicates and resume replays.</summary>
    public List<(byte[] Line, UsageFact Fact)> TurnLines { get; } = [];

    public decimal CostUsd { get; private set; }

    public Dictionary<string, TokenUsage> ModelUsage { get; } = new(StringComparer.Ordinal);

    public IEnumerable<PromptCache> Caches => caches.Values;

    public PromptCache Cache(string model)
    {
        if (!caches.TryGetValue(model, out var cache))
        {
            cache = new PromptCache(systemPrefix, Plan.OneHourCache);
            caches.Add(model, cache);
        }

        return cache;
    }

    public string NewUuid() => Ids.Uuid(Rng);

    public Utf8JsonWriter Begin() => G.Json.Begin();

    /// <summary>Writes the line built since <see cref="Begin"/> and counts it.</summary>
    public ReadOnlySpan<byte> Commit(Counter kind, bool conversation = true)
    {
        var line = G.Json.End();
        File.WriteLine(line);
        Counts.Add(kind);
        if (conversation && Ctx.IsSidechain)
        {
            Counts.Add(Counter.SidechainLines);
        }

        if (kind is Counter.UserLines or Counter.AssistantLines)
        {
            ConversationLines++;
        }

        return line;
    }

    public void AddCost(string model, TokenUsage usage)
    {
        CostUsd += CostCalculator.Anthropic(PriceList.Get(model), usage);
        ModelUsage.TryGetValue(model, out var sum);
        ModelUsage[model] = new TokenUsage(sum.Input + usage.Input, sum.Output + usage.Output,
            sum.Write5m + usage.Write5m, sum.Write1h + usage.Write1h, sum.CacheRead + usage.CacheRead);
    }

    public UsageFact Fact(AssistantResponse r, TokenUsage usage) =>
        new(r.MessageId, r.RequestId, r.Model, Ctx.NowMs, usage, Plan.SessionId, Plan.Project.DirName);
}
