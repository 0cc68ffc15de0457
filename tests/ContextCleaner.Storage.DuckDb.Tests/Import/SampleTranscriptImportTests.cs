using System.Text.Json;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// The 31 real Claude Code 2.1.328 transcripts in <c>samples/claude</c>. Expected figures were counted by hand with a
/// script that de-duplicates assistant lines by (<c>message.id</c>, <c>requestId</c>); the cost is Claude Code's own:
/// the sum of each session's last <c>cost-state</c> line.
/// </summary>
public sealed class SampleTranscriptImportTests
{
    [Fact]
    public async Task ImportAsync_RealTranscripts_ReportsHandCountedTokensAndClaudeCodesCost()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var report = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = CostMode.Calculate });

        report.Tokens.ShouldBe(new TokenUsage(Input: 91_231, Output: 856, CacheRead: 210_435, CacheWrite5m: 411_443, CacheWrite1h: 0));
        report.CostUsd.ShouldBe(2.378393m);
        report.Unpriced.ShouldBeEmpty();
        report.Rows.Sum(r => r.Requests).ShouldBe(33);
        report.Rows.SelectMany(r => r.Models).GroupBy(m => m.Model).ToDictionary(g => g.Key, g => g.Sum(m => m.Requests))
            .ShouldBe(new Dictionary<string, long>
            {
                ["claude-sonnet-4-5-20250929"] = 26,
                ["claude-haiku-4-5-20251001"] = 4,
                ["claude-opus-4-1-20250805"] = 2,
                ["claude-opus-5-5"] = 1,
            }, ignoreOrder: true);
    }

    [Fact]
    public async Task ImportAsync_RealTranscripts_EverySessionCostsWhatClaudeCodeRecorded()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var report = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Session, Mode = CostMode.Calculate });

        var recorded = LastCostStatePerSession();
        recorded.Count.ShouldBe(31);
        var costs = report.Rows.ToDictionary(r => r.Key, r => r.CostUsd);
        costs.Keys.ShouldBeSubsetOf(recorded.Keys);
        foreach (var (session, claudeCodeCost) in recorded)
        {
            // cost-state holds a JavaScript double (0.014139299999999999 for 0.0141393): equal to 1e-9.
            Math.Abs(costs.GetValueOrDefault(session) - claudeCodeCost).ShouldBeLessThan(0.000000001m, session);
        }

        report.Rows.ShouldAllBe(r => r.Project == "-home-user-project");
    }

    [Fact]
    public async Task ImportAsync_RealTranscripts_CountsLinesAsHandCounted()
    {
        await using var test = await TestStore.OpenAsync();

        var summary = await test.ImportAsync(RepositoryRoot.SampleProjects);

        var s = summary.Statistics;
        (s.FilesFound, s.FilesReadWhole, s.FilesUnreadable, s.NotFiles).ShouldBe((31, 31, 0, 0));
        s.UsageLines.ShouldBe(41);
        s.Duplicates.ShouldBe(8);         // 41 usage lines − 33 unique requests
        s.RetryLines.ShouldBe(48);
        s.ApiErrorLines.ShouldBe(7);
        s.OtherEventLines.ShouldBe(1);    // the model_fallback line
        (s.MalformedLines, s.InvalidLines, s.IncompleteLines, s.OversizedLines).ShouldBe((0, 0, 0, 0));
        s.EventsInserted.ShouldBe(33 + 48 + 7 + 1);
        s.BytesRead.ShouldBe(Directory.EnumerateFiles(RepositoryRoot.SampleProjects, "*.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
        summary.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportAsync_RealTranscripts_StoresRetriesAndFinalFailuresAsApiErrors()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var counts = await test.Store.CountEventsAsync(TestContext.Current.CancellationToken);
        counts.GetValueOrDefault(EventKind.ApiRequest).ShouldBe(33);
        counts.GetValueOrDefault(EventKind.ApiError).ShouldBe(48 + 7);
        counts.GetValueOrDefault(EventKind.ModelFallback).ShouldBe(1);
        counts.Values.Sum().ShouldBe(33 + 48 + 7 + 1);

        var errors = await test.QueryFileAsync(
            "SELECT attempt IS NOT NULL AS retried, count(*) FROM events WHERE kind = 'api_error' GROUP BY ALL ORDER BY retried");
        errors.Select(r => ((bool)r[0]!, (long)r[1]!)).ShouldBe([(false, 7L), (true, 48L)]);
        var fallback = await test.QueryFileAsync("SELECT model, attributes FROM events WHERE kind = 'model_fallback'");
        fallback.ShouldHaveSingleItem()[0].ShouldBe("claude-sonnet-4-5-20250929");
        ((string)fallback[0][1]!).ShouldContain("claude-opus-4-1-20250805");
    }

    [Fact]
    public async Task ImportAsync_RealTranscriptsTwice_SecondRunFindsEveryFileUnchanged()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var again = await test.ImportAsync(RepositoryRoot.SampleProjects);

        (again.Statistics.FilesFound, again.Statistics.FilesUnchanged, again.Statistics.BytesRead, again.Statistics.EventsInserted)
            .ShouldBe((31, 31, 0, 0));
        (await test.TotalsAsync()).CostUsd.ShouldBe(2.378393m);
    }

    private static Dictionary<string, decimal> LastCostStatePerSession()
    {
        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.SampleProjects, "*.jsonl", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.GetProperty("type").GetString() == "cost-state")
                {
                    costs[json.RootElement.GetProperty("sessionId").GetString()!] = json.RootElement.GetProperty("totalCostUSD").GetDecimal();
                }
            }
        }

        return costs;
    }
}
