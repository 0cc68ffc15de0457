namespace ContextCleaner.TestCorpus;

/// <summary>Parameters of a generated corpus. The same options always produce byte-identical files.</summary>
public sealed record CorpusOptions
{
    /// <summary>Directory that receives <c>projects/</c> (CLAUDE_CONFIG_DIR layout) and <c>ground_truth.json</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Number of main session files (resumed sessions included; subagent files come on top).</summary>
    public int Sessions { get; init; } = 50;

    /// <summary>Mean number of user + assistant lines per session file (each session varies around it).</summary>
    public int MessagesPerSession { get; init; } = 100;

    /// <summary>Seed of every random choice.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Number of project directories the sessions are spread over.</summary>
    public int Projects { get; init; } = 5;

    /// <summary>First UTC day a session may start on.</summary>
    public DateOnly StartDate { get; init; } = new(2025, 10, 1);

    /// <summary>Number of days over which session starts are spread.</summary>
    public int Days { get; init; } = 60;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("OutputDirectory is required");
        }

        if (Sessions < 1 || MessagesPerSession < 4 || Projects < 1 || Days < 1)
        {
            throw new ArgumentException("need Sessions >= 1, MessagesPerSession >= 4, Projects >= 1, Days >= 1");
        }

        if (Projects > 200)
        {
            throw new ArgumentException("at most 200 projects");
        }
    }
}
