using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Benchmarks.Store;

internal sealed partial class SyntheticEvents
{
    private const string Haiku = "claude-haiku-4-5-20251001";
    private const int TurnsPerContext = 150;

    // Claude Code's usage pattern: a few uncached input tokens, a context read from cache that grows turn by turn until
    // compaction, a small cache write per turn and a large one when the context is rebuilt; ~4 % of Sonnet requests
    // use the 1M context (over 200k prompt tokens: billed at the long-context rate); 20 % are Haiku background calls.
    private TelemetryEvent Request(long i, long position, SyntheticSession session, DateTime timestamp, ref Draws draws)
    {
        var background = draws.Percent(20);
        var model = background ? Haiku : session.MainModel;
        TokenUsage tokens;
        if (background)
        {
            tokens = new TokenUsage(draws.Long(150, 3_000), draws.Long(5, 300), 0, 0, 0);
        }
        else
        {
            var turn = position % TurnsPerContext;
            var context = 12_000 + (turn * draws.Long(800, 1_300));
            if (model.StartsWith("claude-sonnet", StringComparison.Ordinal) && draws.Percent(4))
            {
                context = draws.Long(200_001, 600_000);
            }

            var write = turn == 0 || draws.Percent(10) ? draws.Long(2_000, 20_000) : draws.Long(50, 1_500);
            var input = draws.Percent(85) ? draws.Long(1, 12) : draws.Long(100, 6_000);
            var output = 10 + (long)(Math.Pow(draws.Unit(), 2) * 4_000);
            tokens = new TokenUsage(input, output, Math.Max(0, context - write), session.CachesOneHour ? 0 : write, session.CachesOneHour ? write : 0);
        }

        var computed = CostCalculator.Compute(prices, model, timestamp, tokens, null);
        decimal? reported = session.ReportsCost || session.OtlpOnly ? decimal.Round(computed ?? 0.01m, 8) : null;
        var requestId = string.Create(CultureInfo.InvariantCulture, $"req_011CV{i:x16}");
        if (!session.OtlpOnly)
        {
            return new TelemetryEvent
            {
                Id = EventIdentity.ForApiRequest(requestId),
                Kind = EventKind.ApiRequest,
                Source = EventSource.Transcript,
                TimestampUtc = timestamp,
                SessionId = session.Id,
                Project = session.Project,
                Model = model,
                Tokens = tokens,
                ReportedCostUsd = reported,
                ComputedCostUsd = computed,
                DurationMs = session.ReportsCost ? draws.Long(800, 60_000) : null,
                RequestId = requestId,
                IsSidechain = draws.Percent(8),
                SourcePath = session.TranscriptPath,
                SourceOffset = position * 2_400,
            };
        }

        return new TelemetryEvent
        {
            Id = EventIdentity.ForApiRequest(requestId),
            Kind = EventKind.ApiRequest,
            Source = EventSource.Otlp,
            TimestampUtc = timestamp,
            SessionId = session.Id,
            Model = model,
            Tokens = tokens,
            ReportedCostUsd = reported,
            ComputedCostUsd = computed,
            Speed = "normal",
            DurationMs = draws.Long(800, 60_000),
            RequestId = requestId,
            SourcePath = session.OtlpPath,
            SourceOffset = position,
            Attributes = Bag(session, position, "query_source", background ? "sdk" : "repl_main_thread", "ttft_ms",
                draws.Long(200, 3_000).ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static Dictionary<string, string> Bag(SyntheticSession session, long position, string key1, string value1, string key2, string value2) =>
        new(4, StringComparer.Ordinal)
        {
            ["user.id"] = session.UserId,
            ["prompt.id"] = string.Create(CultureInfo.InvariantCulture, $"{session.Id[..24]}{position / 10:x12}"),
            [key1] = value1,
            [key2] = value2,
        };
}
