namespace ContextCleaner.Core.Pricing;

/// <summary>Which cost a report shows (ccusage's <c>--mode</c>).</summary>
public enum CostMode
{
    /// <summary>The reported cost when the source has one, else the cost computed from tokens.</summary>
    Auto,

    /// <summary>Always the cost computed from tokens with the price table.</summary>
    Calculate,

    /// <summary>Only reported costs; requests without one count 0.</summary>
    Display,
}
