using System.Globalization;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

/// <summary>
/// Session metrics of the real Claude Code runs (samples/ transcripts and the OTLP logs of the same runs), expectations
/// read off the fixture files.
/// </summary>
public sealed class DuckDbSessionMetricsTests
{
    private const string Project = "-home-user-project";
    private const string ReadEdit = "24969e50-6464-4d5e-aa43-6fcaf2278469";       // s31: Read then Edit, three requests
    private const string RateLimited = "9881b953-b9af-4d0c-b1d8-82e9fbc958c9";    // s13: 429 until Claude Code gave up

    // s31's three requests (the two-line ones once): input 2732 + 2862 + 3065, output 59 + 86 + 15, cache reads 19132
    // twice, one 5-minute write of 19132. Sonnet 4.5 prices them at $0.1116012, which is also what Claude Code reported.
    private static readonly SessionMetrics ReadEditMetrics = new(ReadEdit, Project, Utc("23:37:24.727"), Utc("23:37:25.027"), 3,
        new TokenUsage(8_659, 160, 38_264, 19_132, 0), 0.1116012m, 0, 0, 2, 1, 0);

    [Theory]
    [InlineData(CostMode.Calculate)]
    [InlineData(CostMode.Display)]
    public async Task BuildAsync_TranscriptsAndOtlp_RequestsFromTranscriptsToolsAndPromptsFromOtlp(CostMode mode)
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);
        await OtlpFixtureLogs.WriteAsync(test.Store);

        var all = await SessionMetricsService.BuildAsync(test.Store, new UsageQuery(), mode, TestContext.Current.CancellationToken);
        var one = await SessionMetricsService.BuildAsync(test.Store, new UsageQuery { SessionId = ReadEdit }, mode,
            TestContext.Current.CancellationToken);

        // 31 transcript sessions and s26's second process, which only sent its start-up records.
        all.Count.ShouldBe(32);
        all.Sum(r => r.Requests).ShouldBe(33);
        all.Select(r => r.LastUtc).ShouldBeInOrder(SortDirection.Descending);
        all[0].SessionId.ShouldBe(RateLimited);   // its final error at 23:39:33.024 is the last thing that happened
        // From 23:37:24.727 (managed_settings_resolved) to 23:37:25.027 (the last assistant_response), both OTLP.
        all.Single(r => r.SessionId == ReadEdit).ShouldBe(ReadEditMetrics);
        one.ShouldBe([ReadEditMetrics]);
    }

    [Fact]
    public async Task BuildAsync_TranscriptsOnly_FailedSessionHasErrorsButNoRequests()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var rows = await SessionMetricsService.BuildAsync(test.Store, new UsageQuery { SessionId = RateLimited }, CostMode.Auto,
            TestContext.Current.CancellationToken);

        // Ten retry lines and the synthetic final error; no request succeeded, so no request names the project.
        rows.ShouldBe([new SessionMetrics(RateLimited, null, Utc("23:36:31.721"), Utc("23:39:33.024"), 0, default, 0m, 11, 0, 0, 0, 0)]);
    }

    private static DateTime Utc(string time) =>
        DateTime.ParseExact("2026-11-25T" + time, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
