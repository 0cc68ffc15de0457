namespace ContextCleaner.TestCorpus;

/// <summary>How a request that hit API errors ended.</summary>
internal enum RetryOutcome
{
    Recovered,
    FellBack,
    Failed,
}
