namespace ContextCleaner.TestCorpus;

/// <summary>Decides project, model mix, caching, long context and resumption for every session up front.</summary>
internal static class CorpusPlanner
{
    private static readonly string[] Models =
        [PriceList.Sonnet45, PriceList.Opus41, PriceList.Sonnet4, PriceList.Haiku45];

    private static readonly int[] ModelWeights = [50, 20, 20, 10];

    private static readonly string[] Versions = ["2.0.14", "2.0.31", "2.0.55", "2.0.76", "2.1.9", "2.1.120", "2.1.328"];

    private static readonly string[] Branches = ["main", "main", "HEAD", "feature/cache-window", "fix/utc-days"];

    public static List<SessionPlan> Plan(Prng rng, CorpusOptions options, IReadOnlyList<ProjectInfo> projects)
    {
        var projectWeights = new int[projects.Count];
        for (var i = 0; i < projectWeights.Length; i++)
        {
            projectWeights[i] = 2 + projects.Count - i;
        }

        var plans = new List<SessionPlan>(options.Sessions);
        var latestOriginal = new Dictionary<int, SessionPlan>();
        var forcedLongContext = PickForcedLongContext(rng, options.Sessions);
        var forcedResume = options.Sessions >= 10 ? rng.Next(options.Sessions / 2, options.Sessions) : -1;
        var firstDay = IsoTime.StartOfDay(options.StartDate);
        for (var i = 0; i < options.Sessions; i++)
        {
            var p = rng.PickWeighted(projectWeights);
            latestOriginal.TryGetValue(p, out var original);
            var resume = original is not null && !original.WillBeResumed && !forcedLongContext.ContainsKey(i)
                && (i == forcedResume || rng.Chance(0.08)) ? original : null;
            var plan = resume is null
                ? NewSession(rng, options, i, projects[p], forcedLongContext.GetValueOrDefault(i))
                : Resumed(rng, options, i, resume);
            plan.StartMs = firstDay + rng.NextLong(0, options.Days * 86_400_000L);
            if (resume is null)
            {
                latestOriginal[p] = plan;
            }
            else
            {
                resume.WillBeResumed = true;
            }

            plan.TruncatedTail = rng.Chance(0.03);
            plan.GarbageLine = rng.Chance(0.03);
            plans.Add(plan);
        }

        // Rare defects are random, but a corpus of 10+ sessions always has at least one of each.
        if (plans.Count >= 10)
        {
            plans[rng.Next(0, plans.Count)].TruncatedTail = true;
            plans[rng.Next(0, plans.Count)].GarbageLine = true;
            plans[rng.Next(0, plans.Count)].ForcedApiFailure = true;
        }

        return plans;
    }

    /// <summary>Guarantees long-context sessions on both Sonnet models once the corpus is big enough.</summary>
    private static Dictionary<int, string> PickForcedLongContext(Prng rng, int sessions)
    {
        var forced = new Dictionary<int, string>();
        if (sessions >= 10)
        {
            forced[rng.Next(0, sessions / 2)] = PriceList.Sonnet45;
        }

        if (sessions >= 20)
        {
            forced.TryAdd(rng.Next(sessions / 2, sessions), PriceList.Sonnet4);
        }

        return forced;
    }

    private static SessionPlan NewSession(Prng rng, CorpusOptions o, int index, ProjectInfo project, string? forcedLong)
    {
        var longContext = forcedLong is not null || rng.Chance(0.05);
        var main = forcedLong ?? (longContext
            ? (rng.Chance(0.6) ? PriceList.Sonnet45 : PriceList.Sonnet4)
            : Models[rng.PickWeighted(ModelWeights)]);
        string alt;
        do
        {
            alt = longContext
                ? (main == PriceList.Sonnet45 ? PriceList.Sonnet4 : PriceList.Sonnet45)
                : Models[rng.PickWeighted(ModelWeights)];
        }
        while (alt == main);
        return new SessionPlan
        {
            Index = index,
            Project = project,
            SessionId = Ids.Uuid(rng),
            MainModel = main,
            AltModel = alt,
            OneHourCache = forcedLong == PriceList.Sonnet45 || (forcedLong is null && rng.Chance(longContext ? 0.5 : 0.25)),
            LongContext = longContext,
            Thinking = main != PriceList.Haiku45 && rng.Chance(0.5),
            Version = rng.Pick(Versions),
            GitBranch = rng.Pick(Branches),
            TargetLines = (int)Math.Max(4, o.MessagesPerSession * (0.5 + rng.NextDouble())),
        };
    }

    private static SessionPlan Resumed(Prng rng, CorpusOptions o, int index, SessionPlan original)
    {
        string id;
        do
        {
            id = Ids.Uuid(rng);
        }
        while (string.CompareOrdinal(id, original.SessionId) <= 0);
        return new SessionPlan
        {
            Index = index,
            Project = original.Project,
            SessionId = id,
            MainModel = original.MainModel,
            AltModel = original.AltModel,
            OneHourCache = original.OneHourCache,
            LongContext = original.LongContext,
            Thinking = original.Thinking,
            Version = original.Version,
            GitBranch = original.GitBranch,
            TargetLines = (int)Math.Max(4, o.MessagesPerSession * (0.3 + (0.7 * rng.NextDouble()))),
            ResumeOf = original,
        };
    }
}
