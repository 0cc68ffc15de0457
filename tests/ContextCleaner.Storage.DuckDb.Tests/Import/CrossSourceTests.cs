using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// The same Claude Code runs recorded twice: the real transcripts in samples/ and the OTLP bodies the same runs sent
/// (tests/data). One request is one request, whichever source arrived first, and each copy contributes what only it
/// knows: the project from the transcript, Claude Code's own cost and the duration from OTLP.
/// </summary>
public sealed class CrossSourceTests
{
    private static readonly TokenUsage SampleTokens = new(Input: 91_231, Output: 856, CacheRead: 210_435, CacheWrite5m: 411_443, CacheWrite1h: 0);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TranscriptsAndOtlp_SameRequests_CountedOnceWithWhatEachSourceKnows(bool transcriptsFirst)
    {
        await using var test = await TestStore.OpenAsync();
        if (transcriptsFirst)
        {
            await test.ImportAsync(RepositoryRoot.SampleProjects);
            await WriteOtlpLogsAsync(test);
        }
        else
        {
            await WriteOtlpLogsAsync(test);
            await test.ImportAsync(RepositoryRoot.SampleProjects);
        }

        var days = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = CostMode.Calculate });
        days.Tokens.ShouldBe(SampleTokens);
        days.Rows.Sum(r => r.Requests).ShouldBe(33);
        days.CostUsd.ShouldBe(2.378393m);
        var sessions = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Session, Mode = CostMode.Calculate });
        sessions.Rows.Select(r => r.Key).ShouldBeUnique();
        sessions.Rows.ShouldAllBe(r => r.Project == "-home-user-project");
        var merged = await test.QueryFileAsync(
            "SELECT count(*) FILTER (WHERE cost_reported_usd IS NOT NULL AND duration_ms IS NOT NULL), count(*) FROM requests");
        merged.ShouldHaveSingleItem().ShouldBe(new object?[] { 33L, 33L });
    }

    [Fact]
    public async Task OtlpOnly_ReportedCostMode_SumsWhatClaudeCodeReported()
    {
        await using var test = await TestStore.OpenAsync();
        await WriteOtlpLogsAsync(test);

        var reported = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = CostMode.Display });
        var computed = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Day, TimeZone = TimeZoneInfo.Utc, Mode = CostMode.Calculate });

        reported.Tokens.ShouldBe(SampleTokens);
        reported.CostUsd.ShouldBe(2.378393m);
        computed.CostUsd.ShouldBe(2.378393m);
    }

    // Every OTLP/JSON logs body of the fixtures and every protobuf one, decoded and mapped as the server does.
    private static async Task WriteOtlpLogsAsync(TestStore test)
    {
        var mapper = new OtlpEventMapper(TestStore.Prices, new OtlpMappingOptions());
        var bodies = Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-logs.json")
            .Select(f => OtlpJsonDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f)))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-protobuf"), "*-logs.pb")
                .Select(f => OtlpProtobufDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f))));
        foreach (var export in bodies)
        {
            var mapping = mapper.Map(export);
            mapping.Rejected.ShouldBe(0);
            await test.Store.WriteAsync(new EventBatch(mapping.Events, []), TestContext.Current.CancellationToken);
        }
    }
}
