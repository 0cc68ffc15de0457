using Polly;
using Polly.Retry;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Retries of a ClickHouse call: only errors named in <see cref="ClickHouseErrors.IsTransient"/> (a refused or dropped
/// connection, a 502/503/504 from a proxy, ClickHouse's own "try again" codes), a few times with exponential backoff and
/// jitter. Every call is safe to repeat: reads are reads, and inserts land in ReplacingMergeTree tables keyed by identity.
/// </summary>
internal static class ClickHouseResilience
{
    public static ResiliencePipeline Create(TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ClickHouseErrors.IsTransient),
                MaxRetryAttempts = ClickHouseDefaults.RetryAttempts,
                Delay = ClickHouseDefaults.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
