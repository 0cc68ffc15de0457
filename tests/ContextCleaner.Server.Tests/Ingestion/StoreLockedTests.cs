using System.Net;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Tests.Support;
using Shouldly;

namespace ContextCleaner.Server.Tests.Ingestion;

/// <summary>
/// Another process holds the store (a report, a statusline): the receiver answers 503 with Retry-After, so Claude
/// Code's exporter keeps the batch and sends it again, and a batch sent again after the lock is gone is stored once.
/// </summary>
public sealed class StoreLockedTests
{
    private const string Hello = "otlp-json/s01-sonnet45-json-hello--0001-logs.json";

    // Logs of other sessions, 7 to 15 events each: every one alone is more than the 10 records let wait below.
    private static readonly string[] OtherSessions =
    [
        "otlp-json/s02-haiku45-json-hello--0001-logs.json",
        "otlp-json/s03-opus41-json-hello--0001-logs.json",
        "otlp-protobuf/s04-sonnet45-protobuf-hello--0001-logs.pb",
        "otlp-json/s17-sonnet45-json-tool-read--0001-logs.json",
        "otlp-json/s31-sonnet45-json-tool-read-edit-details--0001-logs.json",
    ];

    public static TheoryData<string> Bodies =>
    [
        Hello,
        "otlp-protobuf/s04-sonnet45-protobuf-hello--0001-logs.pb",
        "otlp-json/s01-sonnet45-json-hello--0002-metrics.json",
        "otlp-protobuf/s04-sonnet45-protobuf-hello--0002-metrics.pb",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task PostAsync_StoreLockedByAnotherProcess_Answers503WithRetryAfterThenStoresTheResentBatchOnce(string body)
    {
        SkipUnlessOpenFileDescriptionLocks();
        await using var server = await ServerFixture.StartOnExistingStoreAsync(new ServerOptions { CommitTimeout = TimeSpan.FromSeconds(1) });
        var signal = Fixtures.SignalOf(body);
        using (new ForeignFileLock(server.DatabasePath))
        {
            using var refused = await server.PostAsync(signal, Fixtures.Read(body), Fixtures.ContentTypeOf(body));

            ShouldBeRetryLater(refused, await RpcStatus.ReadAsync(refused));
        }

        using var resent = await server.PostAsync(signal, Fixtures.Read(body), Fixtures.ContentTypeOf(body));

        resent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredRecordsAsync(server)).ShouldBe(ExpectedRecords(body));
    }

    [Fact]
    public async Task PostAsync_StoreLockedLongerThanTheCommitTimeout_Answers503AndTheLateCommitAndTheResentCopyCountOnce()
    {
        SkipUnlessOpenFileDescriptionLocks();
        // Opening waits for the lock longer than the request waits for its commit: the request is answered while its
        // batch is still queued, and the batch commits once the lock is gone, before the copy the exporter sends again.
        await using var server = await ServerFixture.StartOnExistingStoreAsync(new ServerOptions { CommitTimeout = TimeSpan.FromSeconds(1) },
            lockWait: TimeSpan.FromSeconds(60));
        using (new ForeignFileLock(server.DatabasePath))
        {
            using var refused = await server.PostAsync("logs", Fixtures.Read(Hello), "application/json");

            var status = await RpcStatus.ReadAsync(refused);
            ShouldBeRetryLater(refused, status);
            status.Message.ShouldContain("not committed within 1 s");
        }

        using var resent = await server.PostAsync("logs", Fixtures.Read(Hello), "application/json");

        resent.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Server.Writes.TimedOutCount.ShouldBe(1);
        server.Server.Writes.Inserted.ShouldBe(7);
        (await StoredRecordsAsync(server)).ShouldBe(7);
    }

    [Fact]
    public async Task PostAsync_MoreWaitingThanMaxPendingRecords_RefusesAtOnceWhileTheFirstWaitsAndStoresEverythingResentOnce()
    {
        SkipUnlessOpenFileDescriptionLocks();
        // The commit timeout is long: the first request must still be waiting when the others have been answered.
        await using var server = await ServerFixture.StartOnExistingStoreAsync(
            new ServerOptions { MaxPendingRecords = 10, CommitTimeout = TimeSpan.FromSeconds(20) });
        var foreign = new ForeignFileLock(server.DatabasePath);
        try
        {
            var first = server.PostAsync("logs", Fixtures.Read(Hello), "application/json");
            await Condition.WaitUntilAsync(() => server.Server.Statistics.RecordsReceived >= 7, "the first batch reached the writer");

            var refused = await Task.WhenAll(OtherSessions.Select(b => server.PostAsync("logs", Fixtures.Read(b), Fixtures.ContentTypeOf(b))));

            first.IsCompleted.ShouldBeFalse("the first batch cannot commit while the store is locked");
            foreach (var response in refused)
            {
                var status = await RpcStatus.ReadAsync(response);
                ShouldBeRetryLater(response, status);
                status.Message.ShouldContain("records are waiting for the store");
                response.Dispose();
            }

            server.Server.Writes.RefusedCount.ShouldBe(OtherSessions.Length);
            foreign.Dispose();
            using var firstAnswer = await first;
            firstAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            foreign.Dispose();
        }

        foreach (var body in OtherSessions.Prepend(Hello))
        {
            using var resent = await server.PostAsync("logs", Fixtures.Read(body), Fixtures.ContentTypeOf(body));
            resent.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        }

        (await StoredRecordsAsync(server)).ShouldBe(OtherSessions.Prepend(Hello).Sum(ExpectedRecords));
    }

    private static void ShouldBeRetryLater(HttpResponseMessage response, RpcStatus status)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(2));
        status.Code.ShouldBe(RpcStatus.Unavailable);
        status.Message.ShouldStartWith("not stored, retry: ");
    }

    // Log records (events) or data points the capture's manifest counted in the body.
    private static long ExpectedRecords(string body) => Fixtures.Counts(body, Fixtures.SignalOf(body) == "logs" ? "events" : "metrics").Values.Sum();

    private static async Task<long> StoredRecordsAsync(ServerFixture server) =>
        (long)(await server.QueryAsync("SELECT (SELECT count(*) FROM all_events) + (SELECT count(*) FROM metric_points)"))[0]!;

    private static void SkipUnlessOpenFileDescriptionLocks() =>
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.Is64BitProcess, "ForeignFileLock needs Linux open file description locks");
}
