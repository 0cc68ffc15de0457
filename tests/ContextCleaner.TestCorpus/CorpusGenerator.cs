namespace ContextCleaner.TestCorpus;

/// <summary>
/// Generates a deterministic Claude Code transcript corpus (CLAUDE_CONFIG_DIR layout) and its ground truth,
/// computed from what was written, independently of any product code.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Name of the ground-truth file written next to <c>projects/</c>.</summary>
    public const string GroundTruthFileName = "ground_truth.json";

    /// <summary>Writes OUT/projects/**.jsonl and OUT/ground_truth.json.</summary>
    /// <param name="options">What to generate; the same options give byte-identical output.</param>
    /// <returns>Counters and totals of the written corpus.</returns>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">OUT/projects is not empty or ground_truth.json already exists.</exception>
    public static CorpusSummary Generate(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var root = Path.GetFullPath(options.OutputDirectory);
        var projectsDir = Path.Combine(root, "projects");
        var truthPath = Path.Combine(root, GroundTruthFileName);
        if (Directory.Exists(projectsDir) && Directory.EnumerateFileSystemEntries(projectsDir).Any())
        {
            throw new IOException(projectsDir + " is not empty");
        }

        if (File.Exists(truthPath))
        {
            throw new IOException(truthPath + " already exists");
        }

        Directory.CreateDirectory(projectsDir);
        var seed = unchecked((ulong)options.Seed);
        using var g = new GenerationContext(root, new TextPool(Prng.Derive(seed, 1)));
        var projects = ProjectCatalog.Create(Prng.Derive(seed, 2), options.Projects);
        var plans = CorpusPlanner.Plan(Prng.Derive(seed, 3), options, projects);
        foreach (var plan in plans)
        {
            new SessionRunner(g, plan, Prng.Derive(seed, 1_000 + (ulong)plan.Index)).Run();
        }

        var truth = new GroundTruth();
        foreach (var file in g.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            foreach (var fact in file.Facts)
            {
                truth.Observe(fact);
            }
        }

        truth.Aggregate();
        g.Counts[Counter.UniqueUsageMessages] = truth.RequestCount;
        g.Counts[Counter.LongContextRequests] = truth.LongContext.Count;
        GroundTruthWriter.Write(truthPath, options, g.Counts, truth);
        return new CorpusSummary(
            root,
            truthPath,
            g.Counts.Snapshot().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            truth.Totals.Total,
            TruthAccumulator.Money(truth.Totals.CostUsd),
            TruthAccumulator.Money(truth.Totals.CostUsdCcusage));
    }
}
