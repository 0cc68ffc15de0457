using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

/// <summary>
/// Event tallies, errors and tools of the real Claude Code runs: the transcripts in samples/ and the OTLP logs the same
/// runs sent (tests/data). Every expectation is read off the fixture files by hand (line timestamps, the
/// <c>system</c>/<c>api_error</c> retry lines and the synthetic final error messages, the OTLP records).
/// </summary>
public sealed class DuckDbTelemetryStoreAnalyticsTests
{
    private const string Fallback = "5a3bde17-6e92-46e8-975e-806db614ac2a";       // s25: 529 five times, fallback to Sonnet, one request
    private const string RateLimited = "9881b953-b9af-4d0c-b1d8-82e9fbc958c9";    // s13: 429 ten retries, then the final error
    private const string Overloaded = "d486f2ac-5216-4931-aa75-2a74624ceb53";     // s12: 529 ten retries, then the final error
    private const string BashDenied = "a18deb3b-fd36-4a9b-8538-f3419fc595e6";     // s19
    private const string Sonnet45 = "claude-sonnet-4-5-20250929";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryErrorsAsync_SampleTranscripts_EveryRetryLineAndFinalErrorByStatusAndType()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var errors = await test.Store.QueryErrorsAsync(new UsageQuery(), Token);

        // 48 retry lines (no model, attempt 1–10) and 7 synthetic final error messages (no attempt); a timeout has no status.
        errors.ShouldBe(
        [
            new(EventKind.ApiError, 529, "overloaded_error", null, 21 + 2, 5, 10, Utc("23:36:27.652"), Utc("23:39:20.320")),
            new(EventKind.ApiError, 500, "api_error", null, 14 + 2, 3, 10, Utc("23:36:29.602"), Utc("23:39:29.322")),
            new(EventKind.ApiError, 429, "rate_limit_error", null, 11 + 1, 2, 10, Utc("23:36:29.527"), Utc("23:39:33.024")),
            new(EventKind.ApiError, null, null, null, 2 + 1, 2, 1, Utc("23:36:36.671"), Utc("23:36:58.441")),
            new(EventKind.ApiError, 400, "invalid_request_error", null, 1, 1, null, Utc("23:36:29.822"), Utc("23:36:29.822")),
        ]);
        (await test.Store.QueryErrorsAsync(new UsageQuery { Project = "-home-user-project" }, Token)).ShouldBe(errors);
        (await test.Store.QueryErrorsAsync(new UsageQuery { Project = "no-such-project" }, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryErrorsAsync_SessionAndTimeFilters_OnlyFailuresInside()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var session = await test.Store.QueryErrorsAsync(new UsageQuery { SessionId = RateLimited }, Token);
        var window = await test.Store.QueryErrorsAsync(new UsageQuery { FromUtc = Utc("23:38:00"), ToUtc = Utc("23:39:30") }, Token);

        session.ShouldBe([new(EventKind.ApiError, 429, "rate_limit_error", null, 11, 1, 10, Utc("23:36:31.721"), Utc("23:39:33.024"))]);
        // Attempts 9 and 10 of s12, s13 and s14, the finals of s12 and s14; s13's final (23:39:33.024) is past the end.
        window.ShouldBe(
        [
            new(EventKind.ApiError, 500, "api_error", null, 3, 1, 10, Utc("23:38:23.417"), Utc("23:39:29.322")),
            new(EventKind.ApiError, 529, "overloaded_error", null, 3, 1, 10, Utc("23:38:15.728"), Utc("23:39:20.320")),
            new(EventKind.ApiError, 429, "rate_limit_error", null, 2, 1, 10, Utc("23:38:15.309"), Utc("23:38:53.372")),
        ]);
    }

    [Fact]
    public async Task QueryErrorsAsync_OtlpLogs_FinalAttemptsAndExhaustedRetriesWithModel()
    {
        await using var test = await TestStore.OpenAsync();
        await OtlpFixtureLogs.WriteAsync(test.Store);

        var errors = await test.Store.QueryErrorsAsync(new UsageQuery(), Token);

        // s12/s22 (529), s14/s29 (500), s13 (429), s23 (timeout, no status), s11 (400): the logs carry no error type; an
        // exhausted retry's attempt is its total_attempts.
        errors.Select(e => (e.Kind, e.StatusCode, e.ErrorType, e.Model, e.Count, e.Sessions, e.MaxAttempt)).ShouldBe(
        [
            (EventKind.ApiError, 500, null, Sonnet45, 2L, 2L, 11),
            (EventKind.ApiError, 529, null, Sonnet45, 2L, 2L, 11),
            (EventKind.ApiRetriesExhausted, 500, null, Sonnet45, 2L, 2L, 11),
            (EventKind.ApiRetriesExhausted, 529, null, Sonnet45, 2L, 2L, 11),
            (EventKind.ApiError, 400, null, Sonnet45, 1L, 1L, 1),
            (EventKind.ApiError, 429, null, Sonnet45, 1L, 1L, 11),
            (EventKind.ApiError, (int?)null, (string?)null, Sonnet45, 1L, 1L, (int?)2),
            (EventKind.ApiRetriesExhausted, 429, null, Sonnet45, 1L, 1L, 11),
            (EventKind.ApiRetriesExhausted, null, null, Sonnet45, 1L, 1L, 2),
        ]);
    }

    [Fact]
    public async Task QueryToolsAsync_OtlpLogs_ResultsDurationsAndDecisionsPerTool()
    {
        await using var test = await TestStore.OpenAsync();
        await OtlpFixtureLogs.WriteAsync(test.Store);
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var tools = await test.Store.QueryToolsAsync(new UsageQuery(), Token);

        // Read in s17 (12 ms), s20 (11), s21 (11), s31 (11); Bash run in s18 (31 ms) and rejected in s19; Write in s30 (8),
        // Edit in s31 (10). Every decision came from the config.
        tools.ShouldBe(
        [
            new("Read", 4, 4, 0, 4, 45, 4, 0),
            new("Bash", 1, 1, 0, 1, 31, 1, 1),
            new("Edit", 1, 1, 0, 1, 10, 1, 0),
            new("Write", 1, 1, 0, 1, 8, 1, 0),
        ]);
    }

    [Fact]
    public async Task QueryToolsAsync_SessionAndTimeFilters_OnlyCallsInside()
    {
        await using var test = await TestStore.OpenAsync();
        await OtlpFixtureLogs.WriteAsync(test.Store);

        var denied = await test.Store.QueryToolsAsync(new UsageQuery { SessionId = BashDenied }, Token);
        var s31 = await test.Store.QueryToolsAsync(new UsageQuery { FromUtc = Utc("23:37:24"), ToUtc = Utc("23:37:26") }, Token);
        var none = await test.Store.QueryToolsAsync(new UsageQuery { Project = "no-such-project" }, Token);

        denied.ShouldBe([new("Bash", 0, 0, 0, 0, 0, 0, 1)]);
        s31.ShouldBe([new("Edit", 1, 1, 0, 1, 10, 1, 0), new("Read", 1, 1, 0, 1, 11, 1, 0)]);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryEventTalliesAsync_SampleTranscripts_KindsPerSessionWithTheirSpan()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var all = await test.Store.QueryEventTalliesAsync(new UsageQuery(), Token);
        var fallback = await test.Store.QueryEventTalliesAsync(new UsageQuery { SessionId = Fallback }, Token);

        all.Select(t => t.SessionId).Distinct().Count().ShouldBe(31);
        all.Where(t => t.Kind == EventKind.ApiRequest).Sum(t => t.Count).ShouldBe(33);
        all.Where(t => t.Kind == EventKind.ApiError).Sum(t => t.Count).ShouldBe(55);
        all.Select(t => (t.SessionId, t.Kind)).ShouldBe(all.Select(t => (t.SessionId, t.Kind)).OrderBy(k => k.SessionId, StringComparer.Ordinal)
            .ThenBy(k => EventKindNames.ToName(k.Kind), StringComparer.Ordinal));
        fallback.ShouldBe(
        [
            new(Fallback, EventKind.ApiError, 5, Utc("23:37:03.688"), Utc("23:37:07.252")),
            new(Fallback, EventKind.ApiRequest, 1, Utc("23:37:09.413"), Utc("23:37:09.413")),
            new(Fallback, EventKind.ModelFallback, 1, Utc("23:37:05.470"), Utc("23:37:05.470")),
        ]);
    }

    [Fact]
    public async Task QueryEventTalliesAsync_TimeWindow_OnlyEventsInside()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);

        var tallies = await test.Store.QueryEventTalliesAsync(new UsageQuery { FromUtc = Utc("23:37:05"), ToUtc = Utc("23:37:09") }, Token);

        // s25's fallback and its last three retries, attempt 7 of s13 and of s12.
        tallies.ShouldBe(
        [
            new(Fallback, EventKind.ApiError, 3, Utc("23:37:05.520"), Utc("23:37:07.252")),
            new(Fallback, EventKind.ModelFallback, 1, Utc("23:37:05.470"), Utc("23:37:05.470")),
            new(RateLimited, EventKind.ApiError, 1, Utc("23:37:06.651"), Utc("23:37:06.651")),
            new(Overloaded, EventKind.ApiError, 1, Utc("23:37:07.816"), Utc("23:37:07.816")),
        ]);
    }

    [Fact]
    public async Task QueryEventTalliesAsync_TranscriptsAndOtlp_RequestsCountedOnceOtherKindsAdded()
    {
        await using var test = await TestStore.OpenAsync();
        await test.ImportAsync(RepositoryRoot.SampleProjects);
        await OtlpFixtureLogs.WriteAsync(test.Store);

        var fallback = await test.Store.QueryEventTalliesAsync(new UsageQuery { SessionId = Fallback }, Token);

        // The OTLP copy of the one request merged into the transcript's (its time stays); managed_settings_resolved,
        // three plugin_loaded and a retention_sweep are "other".
        fallback.ShouldBe(
        [
            new(Fallback, EventKind.ApiError, 5, Utc("23:37:03.688"), Utc("23:37:07.252")),
            new(Fallback, EventKind.ApiRequest, 1, Utc("23:37:09.413"), Utc("23:37:09.413")),
            new(Fallback, EventKind.AssistantResponse, 1, Utc("23:37:09.421"), Utc("23:37:09.421")),
            new(Fallback, EventKind.ModelFallback, 1, Utc("23:37:05.470"), Utc("23:37:05.470")),
            new(Fallback, EventKind.Other, 5, Utc("23:37:03.531"), Utc("23:37:08.568")),
            new(Fallback, EventKind.UserPrompt, 1, Utc("23:37:03.628"), Utc("23:37:03.628")),
        ]);
    }

    // Every fixture run happened on 2026-11-25 (UTC).
    private static DateTime Utc(string time) =>
        DateTime.ParseExact("2026-11-25T" + time + (time.Length == 8 ? ".000" : ""), "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
