using System.Text.Json;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// Imports generated corpora (resumed sessions, subagents, multi-block responses, partial usage lines, retries, garbage)
/// and compares the daily, session and blocks reports with the generator's ground truth, which it computes from what
/// it wrote, independently of the product. Costs under Anthropic's billing rule (<c>cost_usd</c>).
/// </summary>
public sealed class GroundTruthImportTests
{
    [Theory]
    [InlineData(1L, 20)]
    [InlineData(7L, 14)]
    public async Task ImportAsync_GeneratedCorpus_ReportsMatchGroundTruth(long seed, int sessions)
    {
        await using var test = await TestStore.OpenAsync();
        var corpus = CorpusGenerator.Generate(new CorpusOptions
        {
            OutputDirectory = test.Temp.Combine("corpus"),
            Seed = seed,
            Sessions = sessions,
            Projects = 3,
            Days = 8,
        });
        var summary = await test.ImportAsync(Path.Combine(corpus.OutputDirectory, "projects"));

        var daily = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = CostMode.Calculate });
        var bySession = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Session, Mode = CostMode.Calculate });
        var entries = await test.Store.ReadUsageEntriesAsync(new UsageQuery(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        var blocks = BillingBlockBuilder.Build(entries, CostMode.Calculate, TimeSpan.FromHours(5), test.Time.GetUtcNow().UtcDateTime);
        var truthJson = await File.ReadAllTextAsync(corpus.GroundTruthPath, TestContext.Current.CancellationToken);

        var check = UsageTruthChecker.Check(truthJson,
            new UsageReports(CcusageJson.Daily(daily), CcusageJson.Session(bySession), CcusageJson.Blocks(blocks)), UsageTruthChecker.CostUsd);

        check.Mismatches.ShouldBeEmpty();
        check.Failed.ShouldBe(0);
        check.Passed.ShouldBeGreaterThan(100);
        daily.Rows.Sum(r => r.Requests).ShouldBe(corpus.Counts["unique_usage_messages"]);
        daily.Tokens.Total.ShouldBe(corpus.TotalTokens);
        daily.CostUsd.ShouldBe(corpus.CostUsd, 0.000000001m);
        ModelTotals(daily).ShouldBe(TruthModelTotals(truthJson), ignoreOrder: true);
        var s = summary.Statistics;
        var counts = corpus.Counts;
        (s.FilesFound, s.BytesRead, s.Lines).ShouldBe((counts["files"], counts["bytes"], counts["lines"]));
        (s.RetryLines, s.ApiErrorLines, s.BlankLines).ShouldBe((counts["retry_lines"], counts["api_error_lines"], counts["blank_lines"]));
        s.OtherEventLines.ShouldBe(counts["model_fallback_lines"] + counts["compact_boundaries"]);
        // The generator's truncated last lines have no line end: the importer holds them back as incomplete.
        (s.MalformedLines + s.IncompleteLines).ShouldBe(counts["malformed_lines"] + counts["garbage_lines"]);
    }

    // Per model: input, output, cache creation (5m + 1h, as the truth keeps it), cache read, and cost rounded to the
    // truth's 9 places.
    private static Dictionary<string, (long, long, long, long, decimal)> ModelTotals(UsageReport report) =>
        report.Rows.SelectMany(r => r.Models)
            .GroupBy(m => m.Model, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (g.Sum(m => m.Tokens.Input), g.Sum(m => m.Tokens.Output), g.Sum(m => m.Tokens.CacheWrite), g.Sum(m => m.Tokens.CacheRead),
                    decimal.Round(g.Sum(m => m.CostUsd), 9)),
                StringComparer.Ordinal);

    private static Dictionary<string, (long, long, long, long, decimal)> TruthModelTotals(string truthJson)
    {
        using var truth = JsonDocument.Parse(truthJson);
        return truth.RootElement.GetProperty("by_model").EnumerateObject().ToDictionary(
            m => m.Name,
            m => (m.Value.GetProperty("input_tokens").GetInt64(), m.Value.GetProperty("output_tokens").GetInt64(),
                m.Value.GetProperty("cache_creation_tokens").GetInt64(), m.Value.GetProperty("cache_read_tokens").GetInt64(),
                m.Value.GetProperty(UsageTruthChecker.CostUsd).GetDecimal()),
            StringComparer.Ordinal);
    }
}
