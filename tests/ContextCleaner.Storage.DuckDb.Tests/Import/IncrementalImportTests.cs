using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;
using static ContextCleaner.Storage.DuckDb.Tests.Support.HandRequests;
using static ContextCleaner.Storage.DuckDb.Tests.Support.TranscriptLines;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>Re-imports: unchanged, grown, rewritten and half-written files, and requests replayed by resumed sessions.</summary>
public sealed class IncrementalImportTests
{
    [Fact]
    public async Task ImportAsync_NothingChanged_InsertsNothingAndReportsEveryFileUnchanged()
    {
        await using var test = await TestStore.OpenAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([User(A.TimestampUtc), Assistant(A), Assistant(B)]));
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(C)]));
        await test.ImportAsync();

        var again = (await test.ImportAsync()).Statistics;

        (again.FilesFound, again.FilesUnchanged, again.FilesReadWhole, again.FilesAppended).ShouldBe((2, 2, 0, 0));
        (again.BytesRead, again.Lines, again.UsageLines, again.EventsInserted, again.EventsReplaced, again.Duplicates).ShouldBe((0, 0, 0, 0, 0, 0));
        await ShouldHoldExactlyAsync(test, A, B, C);
    }

    [Fact]
    public async Task ImportAsync_CompleteLinesAppended_ReadsAndCountsOnlyThem()
    {
        await using var test = await TestStore.OpenAsync();
        var path = TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([User(A.TimestampUtc), Assistant(A)]));
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(D)]));
        await test.ImportAsync();
        var appended = Join([User(B.TimestampUtc), Assistant(B), Assistant(C)]);
        TranscriptFiles.Append(path, appended);

        var s = (await test.ImportAsync()).Statistics;

        (s.FilesFound, s.FilesAppended, s.FilesReadWhole, s.FilesUnchanged).ShouldBe((2, 1, 0, 1));
        s.BytesRead.ShouldBe(appended.Length);
        (s.Lines, s.UsageLines, s.EventsInserted, s.Duplicates).ShouldBe((3, 2, 2, 0));
        await ShouldHoldExactlyAsync(test, A, B, C, D);
    }

    [Theory]
    [InlineData(true)]      // rewritten shorter than the stored checkpoint
    [InlineData(false)]     // rewritten longer, with other bytes before the checkpoint
    public async Task ImportAsync_FileRewrittenWithOtherContent_RereadsItWholeWithoutCountingTwice(bool shorter)
    {
        await using var test = await TestStore.OpenAsync();
        byte[] before = shorter ? Join([User(A.TimestampUtc, new string('p', 5000)), Assistant(A), Assistant(B)]) : Join([Assistant(A), Assistant(B)]);
        byte[] after = shorter ? Join([Assistant(A), Assistant(B)]) : Join([Assistant(C), Assistant(A), Assistant(B)]);
        (after.Length < before.Length).ShouldBe(shorter);
        var path = TranscriptFiles.Write(test.ProjectsDirectory, "s1", before);
        await test.ImportAsync();

        await File.WriteAllBytesAsync(path, after, TestContext.Current.CancellationToken);
        var s = (await test.ImportAsync()).Statistics;

        (s.FilesReadWhole, s.FilesAppended).ShouldBe((1, 0));
        s.BytesRead.ShouldBe(after.Length);
        s.UsageLines.ShouldBe(shorter ? 2 : 3);
        (s.EventsInserted, s.Duplicates).ShouldBe(shorter ? (0L, 2L) : (1L, 2L));
        if (shorter)
        {
            await ShouldHoldExactlyAsync(test, A, B);
        }
        else
        {
            await ShouldHoldExactlyAsync(test, A, B, C);
        }
    }

    [Theory]
    [InlineData(true)]      // cut mid-JSON: not importable yet
    [InlineData(false)]     // complete JSON, only the line end is missing
    public async Task ImportAsync_LastLineWithoutLineEndCompletedLater_ImportsItExactlyOnce(bool cutMidJson)
    {
        await using var test = await TestStore.OpenAsync();
        var line = Assistant(B);
        var written = cutMidJson ? line.Length / 2 : line.Length;
        var path = TranscriptFiles.Write(test.ProjectsDirectory, "s1", [.. Join([Assistant(A)]), .. line.AsSpan(0, written)]);

        var first = (await test.ImportAsync()).Statistics;

        first.IncompleteLines.ShouldBe(cutMidJson ? 1 : 0);
        first.UsageLines.ShouldBe(cutMidJson ? 1 : 2);
        (first.MalformedLines, first.InvalidLines).ShouldBe((0, 0));
        await ShouldHoldExactlyAsync(test, cutMidJson ? [A] : [A, B]);

        TranscriptFiles.Append(path, [.. line.AsSpan(written), (byte)'\n']);
        var second = (await test.ImportAsync()).Statistics;

        // The checkpoint stays before a line without its line end, so the whole line is read again.
        (second.FilesAppended, second.BytesRead, second.IncompleteLines, second.UsageLines).ShouldBe((1, line.Length + 1, 0, 1));
        await ShouldHoldExactlyAsync(test, A, B);
        var third = (await test.ImportAsync()).Statistics;
        (third.FilesUnchanged, third.BytesRead).ShouldBe((1, 0));
        await ShouldHoldExactlyAsync(test, A, B);
    }

    [Theory]
    [InlineData(true)]      // original and resumed session imported together
    [InlineData(false)]     // resumed session appears after the original was imported
    public async Task ImportAsync_RequestsReplayedInResumedSession_CountsThemOnceForTheOriginalSession(bool together)
    {
        await using var test = await TestStore.OpenAsync();
        // "s1" sorts before "s2": the original copy comes first in path order, as ccusage reads them.
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([User(A.TimestampUtc), Assistant(A), Assistant(B)]));
        var resumed = Join([User(A.TimestampUtc), Assistant(A), Assistant(B), User(C.TimestampUtc), Assistant(C)]);
        if (!together)
        {
            await test.ImportAsync();
        }

        TranscriptFiles.Write(test.ProjectsDirectory, "s2", resumed);
        var s = (await test.ImportAsync()).Statistics;

        s.Duplicates.ShouldBe(2);
        s.EventsInserted.ShouldBe(together ? 3 : 1);
        await ShouldHoldExactlyAsync(test, A, B, C);
        var sessions = await test.ReportAsync(new ReportRequest { Period = UsagePeriod.Session, Mode = CostMode.Calculate });
        sessions.Rows.ToDictionary(r => r.Key, r => r.Requests).ShouldBe(new Dictionary<string, long> { ["s1"] = 2, ["s2"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task ImportAsync_MultiBlockResponse_CountsOneRequest()
    {
        await using var test = await TestStore.OpenAsync();
        // Claude Code writes one line per content block (text, tool_use) with the same ids and the same usage.
        TranscriptFiles.Write(test.ProjectsDirectory, "s1",
            Join([Assistant(A, "Let me look.", uuid: "7b0c1f52-0000-4000-8000-000000000001"), Assistant(A, "{tool_use}", uuid: "7b0c1f52-0000-4000-8000-000000000002")]));

        var s = (await test.ImportAsync()).Statistics;

        (s.UsageLines, s.Duplicates, s.EventsInserted).ShouldBe((2, 1, 1));
        await ShouldHoldExactlyAsync(test, A);
    }

    [Theory]
    [InlineData(1L)]                        // one file per batch: the preferred copy replaces an already written one
    [InlineData(ImportDefaults.BatchBytes)] // both files in one batch
    public async Task ImportAsync_SidechainCopyReadBeforeMainChainCopy_KeepsMainChainCopy(long batchBytes)
    {
        await using var test = await TestStore.OpenAsync();
        // The replayed copy carries more tokens; main chain wins anyway (DuplicatePreference).
        var replay = A with { Tokens = A.Tokens with { Output = A.Tokens.Output + 5000 } };
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([Assistant(replay, isSidechain: true, uuid: "0e6e2c7a-0000-4000-8000-000000000001")]));
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(A), Assistant(B)]));

        var s = (await test.ImportAsync(new ImportOptions { Parallelism = 1, BatchBytes = batchBytes })).Statistics;

        s.Duplicates.ShouldBe(1);
        await ShouldHoldExactlyAsync(test, A, B);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(ImportDefaults.BatchBytes)]
    public async Task ImportAsync_PartialUsageCopyReadBeforeFinalCopy_KeepsFinalUsage(long batchBytes)
    {
        await using var test = await TestStore.OpenAsync();
        // Older Claude Code versions wrote a streaming line with partial usage (output 1) before the final one.
        var partial = A with { Tokens = A.Tokens with { Output = 1 } };
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", Join([Assistant(partial, uuid: "0e6e2c7a-0000-4000-8000-000000000002")]));
        TranscriptFiles.Write(test.ProjectsDirectory, "s2", Join([Assistant(A), Assistant(B)]));

        var s = (await test.ImportAsync(new ImportOptions { Parallelism = 1, BatchBytes = batchBytes })).Statistics;

        s.Duplicates.ShouldBe(1);
        await ShouldHoldExactlyAsync(test, A, B);
        var again = (await test.ImportAsync()).Statistics;
        again.FilesUnchanged.ShouldBe(2);
        await ShouldHoldExactlyAsync(test, A, B);
    }

    private static async Task ShouldHoldExactlyAsync(TestStore test, params TestRequest[] requests)
    {
        var expected = Sum(requests);
        var totals = await test.TotalsAsync();
        totals.Requests.ShouldBe(requests.Length);
        totals.Tokens.ShouldBe(expected.Tokens);
        totals.CostUsd.ShouldBe(expected.CostUsd);
    }
}
