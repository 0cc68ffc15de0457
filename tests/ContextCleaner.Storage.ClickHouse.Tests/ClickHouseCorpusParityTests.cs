using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Tests.Support;
using ContextCleaner.Storage.DuckDb;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

/// <summary>
/// A generated corpus (tests/ContextCleaner.TestCorpus: resumed sessions, subagents, multi-block responses, retries,
/// final errors, fallbacks, compactions) imported into ClickHouse and into DuckDB: the same daily, session and blocks
/// reports in every cost mode, and the same analytics. Small enough to run in seconds; DuckDB's answers are checked
/// against the generator's ground truth in the DuckDB tests.
/// </summary>
public sealed class ClickHouseCorpusParityTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeneratedCorpus_SameReportsBlocksAndAnalyticsAsDuckDb()
    {
        await using var clickHouse = await ClickHouseTestStore.OpenAsync();
        using var temp = new TempDirectory();
        var corpus = CorpusGenerator.Generate(new CorpusOptions
        {
            OutputDirectory = temp.Combine("corpus"),
            // This seed writes a resumed session, retries, final errors, a compaction, partial and garbage lines.
            Seed = 10,
            Sessions = 12,
            MessagesPerSession = 40,
            Projects = 2,
            Days = 3,
        });
        await using var duckDb = new DuckDbTelemetryStore(temp.Combine("telemetry.duckdb"), clickHouse.Time);
        await duckDb.InitializeAsync(Token);
        var projects = Path.Combine(corpus.OutputDirectory, "projects");
        await ClickHouseTestStore.ImportAsync(duckDb, clickHouse.Time, projects);
        await ClickHouseTestStore.ImportAsync(clickHouse.Store, clickHouse.Time, projects);

        var now = clickHouse.Time.GetUtcNow().UtcDateTime;
        foreach (var mode in Enum.GetValues<CostMode>())
        {
            foreach (var request in new ReportRequest[]
            {
                new() { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = mode },
                new() { Period = UsagePeriod.Day, TimeZone = NewYork, Mode = mode },
                new() { Period = UsagePeriod.Session, Mode = mode },
            })
            {
                ReportShape(await UsageReportService.BuildAsync(clickHouse.Store, request, Token))
                    .ShouldBe(ReportShape(await UsageReportService.BuildAsync(duckDb, request, Token)), customMessage: request.ToString());
            }

            BlockShape(await BlocksAsync(clickHouse.Store, mode, now)).ShouldBe(BlockShape(await BlocksAsync(duckDb, mode, now)), customMessage: $"{mode}");
        }

        var daily = await UsageReportService.BuildAsync(clickHouse.Store, new ReportRequest { Mode = CostMode.Calculate }, Token);
        daily.Tokens.Total.ShouldBe(corpus.TotalTokens);
        daily.Rows.Sum(r => r.Requests).ShouldBe(corpus.Counts["unique_usage_messages"]);
        var tallies = await duckDb.QueryEventTalliesAsync(new UsageQuery(), Token);
        tallies.Where(t => t.Kind == EventKind.ApiError).Sum(t => t.Count)
            .ShouldBe(corpus.Counts["retry_lines"] + corpus.Counts["api_error_lines"]);
        tallies.Where(t => t.Kind == EventKind.Compaction).Sum(t => t.Count).ShouldBe(corpus.Counts["compact_boundaries"]);
        corpus.Counts["compact_boundaries"].ShouldBeGreaterThan(0);
        var project = (await duckDb.QueryUsageAsync(new UsageQuery { BySession = true }, Token)).Select(a => a.Project).First(p => p is not null)!;
        foreach (var query in AnalyticsParity.Filters(tallies, project))
        {
            await AnalyticsParity.AssertSameAsync(duckDb, clickHouse.Store, query);
        }
    }

    // Entries of the same microsecond come in any order from either store: ordered fully, so blocks list models alike.
    private static async Task<List<BillingBlock>> BlocksAsync(ITelemetryStore store, CostMode mode, DateTime now)
    {
        var entries = await store.ReadUsageEntriesAsync(new UsageQuery(), Token).ToListAsync(Token);
        return BillingBlockBuilder.Build(entries.OrderBy(e => e.TimestampUtc).ThenBy(e => e.Model, StringComparer.Ordinal).ThenBy(e => e.Tokens.Total),
            mode, TimeSpan.FromHours(5), now);
    }

    // Records holding lists compare the lists by reference: flattened into values.
    private static List<object> ReportShape(UsageReport report) =>
    [
        (report.Period, report.Tokens, report.CostUsd),
        .. report.Unpriced,
        .. report.Rows.Select(r => (r.Key, r.Project, r.Tokens, r.CostUsd, r.Requests, r.FirstUtc, r.LastUtc, string.Join(",", r.ModelsUsed))),
        .. report.Rows.SelectMany(r => r.Models.Select(m => (r.Key, m))),
    ];

    private static List<object> BlockShape(List<BillingBlock> blocks) =>
    [
        .. blocks.Select(b => (b.Id, b.StartUtc, b.EndUtc, b.ActualEndUtc, b.IsActive, b.IsGap, b.Entries, b.Tokens, b.CostUsd,
            string.Join(",", b.Models), b.BurnRate, b.Projection)),
    ];
}
