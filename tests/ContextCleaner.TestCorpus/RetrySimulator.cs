namespace ContextCleaner.TestCorpus;

/// <summary>Writes the system api_error lines of a retried request, a model fallback, or the final synthetic line.</summary>
internal static class RetrySimulator
{
    public static RetryOutcome Run(Chain c, string requestedModel, bool forceExhausted = false)
    {
        var rng = c.Rng;
        var roll = rng.Next(0, 100);
        var failure = roll < 70 ? ApiFailure.Overloaded
            : roll < 82 ? ApiFailure.Internal
            : roll < 92 ? ApiFailure.RateLimited
            : ApiFailure.Timeout;
        var exhausted = rng.Chance(0.12) || forceExhausted;
        var attempts = exhausted ? 10 : rng.Next(1, 5);
        var fallback = !exhausted && requestedModel == PriceList.Opus41 && failure == ApiFailure.Overloaded
            && rng.Chance(0.7);
        var lastRequestId = string.Empty;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            lastRequestId = Ids.RequestId(rng);
            var retryInMs = Math.Min(32_000L, 500L << (attempt - 1)) + rng.Next(0, 250);
            c.Ctx.Advance(rng, 100, 3000);
            var uuid = c.NewUuid();
            ErrorLines.WriteRetry(c.Begin(), c.Ctx, uuid, failure, lastRequestId, attempt, retryInMs);
            c.Commit(Counter.RetryLines);
            c.Ctx.ParentUuid = uuid;
            c.Ctx.Advance(rng, retryInMs, retryInMs);
        }

        if (fallback)
        {
            var uuid = c.NewUuid();
            ErrorLines.WriteFallback(c.Begin(), c.Ctx, uuid, requestedModel, PriceList.Sonnet45);
            c.Commit(Counter.ModelFallbackLines);
            c.Ctx.ParentUuid = uuid;
            return RetryOutcome.FellBack;
        }

        if (!exhausted)
        {
            return RetryOutcome.Recovered;
        }

        WriteSynthetic(c, failure, lastRequestId);
        return RetryOutcome.Failed;
    }

    public static void WriteSynthetic(Chain c, ApiFailure failure, string requestId)
    {
        c.Ctx.Advance(c.Rng, 5, 200);
        var uuid = c.NewUuid();
        ErrorLines.WriteSynthetic(c.Begin(), c.Ctx, uuid, c.NewUuid(), failure, requestId);
        c.Commit(Counter.ApiErrorLines);
        c.Ctx.ParentUuid = uuid;
    }
}
