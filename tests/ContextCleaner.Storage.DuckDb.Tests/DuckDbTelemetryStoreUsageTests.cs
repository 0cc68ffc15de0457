using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

public sealed class DuckDbTelemetryStoreUsageTests
{
    private const string SonnetFast = HandRequests.Sonnet45 + "-fast";

    // Input tokens are powers of two, so the input sum of any result names exactly the requests in it.
    private static readonly TelemetryEvent Q1 = TestEvents.Request("q1", TestEvents.At(3, 10, 15), new(1, 10, 1000, 0, 0), 0.001m, "s1", "p1");
    private static readonly TelemetryEvent Q2 = TestEvents.Request("q2", TestEvents.At(3, 10, 45), new(2, 20, 0, 400, 0), 0.002m, "s1", "p1");
    private static readonly TelemetryEvent Q3 = TestEvents.Request("q3", TestEvents.At(3, 11, 5), new(4, 30, 0, 0, 600), 0.003m, "s2", "p1",
        model: HandRequests.Haiku45);
    private static readonly TelemetryEvent Q4 = TestEvents.Request("q4", TestEvents.At(4, 9), new(8, 40, 0, 0, 0), 0.004m, "s3", "p2", speed: "fast");
    private static readonly TelemetryEvent Q5 = TestEvents.Request("q5", new DateTime(2025, 11, 4, 23, 59, 59, 999, DateTimeKind.Utc),
        new(16, 50, 0, 0, 0), null, "s3", "p2");

    private static async Task<TestStore> SeededAsync()
    {
        var test = await TestStore.OpenAsync();
        await test.WriteAsync([Q5, Q1, Q4, Q3, Q2, TestEvents.Other("e1", EventKind.ApiError, TestEvents.At(3, 10))]);
        return test;
    }

    [Fact]
    public async Task QueryUsageAsync_HourBuckets_GroupsByUtcHourAndModel()
    {
        await using var test = await SeededAsync();

        var rows = await test.Store.QueryUsageAsync(new UsageQuery { BucketMinutes = 60 }, TestContext.Current.CancellationToken);

        rows.OrderBy(r => r.BucketStartUtc).Select(r => (r.BucketStartUtc, r.Model, r.Tokens, r.Requests, r.ComputedCostUsd, r.UnpricedRequests, r.FirstUtc, r.LastUtc))
            .ShouldBe(
            [
                (TestEvents.At(3, 10), HandRequests.Sonnet45, new TokenUsage(3, 30, 1000, 400, 0), 2, 0.003m, 0, Q1.TimestampUtc, Q2.TimestampUtc),
                (TestEvents.At(3, 11), HandRequests.Haiku45, new TokenUsage(4, 30, 0, 0, 600), 1, 0.003m, 0, Q3.TimestampUtc, Q3.TimestampUtc),
                (TestEvents.At(4, 9), SonnetFast, new TokenUsage(8, 40, 0, 0, 0), 1, 0.004m, 0, Q4.TimestampUtc, Q4.TimestampUtc),
                (TestEvents.At(4, 23), HandRequests.Sonnet45, new TokenUsage(16, 50, 0, 0, 0), 1, 0m, 1, Q5.TimestampUtc, Q5.TimestampUtc),
            ]);
        rows.ShouldAllBe(r => r.SessionId == null && r.BucketStartUtc!.Value.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public async Task QueryUsageAsync_BySession_GroupsBySessionProjectAndModel()
    {
        await using var test = await SeededAsync();

        var rows = await test.Store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);

        rows.OrderBy(r => r.Tokens.Input).Select(r => (r.SessionId, r.Project, r.Model, r.Requests, r.Tokens.Input, r.UncostedRequests))
            .ShouldBe(
            [
                ("s1", "p1", HandRequests.Sonnet45, 2L, 3L, 0L),
                ("s2", "p1", HandRequests.Haiku45, 1L, 4L, 0L),
                ("s3", "p2", SonnetFast, 1L, 8L, 0L),
                ("s3", "p2", HandRequests.Sonnet45, 1L, 16L, 1L),
            ]);
        rows.ShouldAllBe(r => r.BucketStartUtc == null);
    }

    [Theory]
    [InlineData(null, null, null, null, 31)]
    [InlineData("2025-11-03T10:45:00Z", null, null, null, 2 + 4 + 8 + 16)]     // FromUtc is inclusive
    [InlineData(null, "2025-11-03T10:45:00Z", null, null, 1)]                   // ToUtc is exclusive
    [InlineData("2025-11-04T00:00:00Z", "2025-11-05T00:00:00Z", null, null, 8 + 16)]
    [InlineData(null, null, "p1", null, 1 + 2 + 4)]
    [InlineData(null, null, null, "s3", 8 + 16)]
    [InlineData(null, null, "p1", "s2", 4)]
    [InlineData(null, null, "p9", null, 0)]
    public async Task QueryUsageAsync_Filter_SumsOnlyMatchingRequests(string? from, string? to, string? project, string? session, long expectedInputs)
    {
        await using var test = await SeededAsync();
        var query = Filter(from, to, project, session);

        var byHour = await test.Store.QueryUsageAsync(query with { BucketMinutes = 60 }, TestContext.Current.CancellationToken);
        var bySession = await test.Store.QueryUsageAsync(query with { BySession = true }, TestContext.Current.CancellationToken);
        var entries = await test.Store.ReadUsageEntriesAsync(query, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        byHour.Sum(r => r.Tokens.Input).ShouldBe(expectedInputs);
        bySession.Sum(r => r.Tokens.Input).ShouldBe(expectedInputs);
        entries.Sum(e => e.Tokens.Input).ShouldBe(expectedInputs);
        byHour.Sum(r => r.Requests).ShouldBe(long.PopCount(expectedInputs));
    }

    [Fact]
    public async Task ReadUsageEntriesAsync_RequestsWrittenOutOfOrder_ReturnsThemOldestFirst()
    {
        await using var test = await SeededAsync();

        var entries = await test.Store.ReadUsageEntriesAsync(new UsageQuery(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        entries.ShouldBe(
        [
            new UsageEntry(Q1.TimestampUtc, HandRequests.Sonnet45, Q1.Tokens, 0.001m, null),
            new UsageEntry(Q2.TimestampUtc, HandRequests.Sonnet45, Q2.Tokens, 0.002m, null),
            new UsageEntry(Q3.TimestampUtc, HandRequests.Haiku45, Q3.Tokens, 0.003m, null),
            new UsageEntry(Q4.TimestampUtc, SonnetFast, Q4.Tokens, 0.004m, null),
            new UsageEntry(Q5.TimestampUtc, HandRequests.Sonnet45, Q5.Tokens, null, null),
        ]);
        entries.ShouldAllBe(e => e.TimestampUtc.Kind == DateTimeKind.Utc);
    }

    private static UsageQuery Filter(string? from, string? to, string? project, string? session) => new()
    {
        FromUtc = from is null ? null : Utc(from),
        ToUtc = to is null ? null : Utc(to),
        Project = project,
        SessionId = session,
    };

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
