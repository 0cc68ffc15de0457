namespace ContextCleaner.TestCorpus;

/// <summary>Outcome of <see cref="UsageTruthChecker.Check"/>.</summary>
/// <param name="Passed">Number of checks that matched the ground truth.</param>
/// <param name="Failed">Number of checks that did not.</param>
/// <param name="Mismatches">Descriptions of the first (up to 40) failed checks.</param>
/// <param name="Summary">One line per report checked (row counts).</param>
public sealed record UsageCheckResult(int Passed, int Failed, IReadOnlyList<string> Mismatches, IReadOnlyList<string> Summary)
{
    /// <summary>True when no check failed.</summary>
    public bool Success => Failed == 0;
}
