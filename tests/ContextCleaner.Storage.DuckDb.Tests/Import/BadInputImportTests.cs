using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;
using static ContextCleaner.Storage.DuckDb.Tests.Support.HandRequests;
using static ContextCleaner.Storage.DuckDb.Tests.Support.TranscriptLines;

namespace ContextCleaner.Storage.DuckDb.Tests.Import;

/// <summary>
/// Damaged input is counted, never thrown, and never costs the valid lines around it: every test puts requests A and B
/// next to the damage and checks that both are imported.
/// </summary>
public sealed class BadInputImportTests
{
    [Fact]
    public async Task ImportAsync_InvalidUtf8InsideLine_CountsMalformedAndImportsTheRest()
    {
        await using var test = await TestStore.OpenAsync();
        var bad = Assistant(C, text: "@@@@");
        var at = bad.AsSpan().IndexOf("@@@@"u8);
        bad[at] = 0xFF;
        bad[at + 1] = 0xFE;
        bad[at + 2] = 0xC0;   // overlong encoding lead byte
        bad[at + 3] = 0xAF;

        var s = await ImportFileAsync(test, Join([Assistant(A), bad, Assistant(B)]));

        s.MalformedLines.ShouldBe(1);
        await ShouldHoldAAndBAsync(test, s);
    }

    [Fact]
    public async Task ImportAsync_FiftyMegabyteLine_ImportsIt()
    {
        await using var test = await TestStore.OpenAsync();
        var huge = Assistant(C, text: new string('x', 50 << 20));
        huge.Length.ShouldBeGreaterThan(50 << 20);

        var s = await ImportFileAsync(test, Join([Assistant(A), huge, Assistant(B)]));

        (s.UsageLines, s.OversizedLines, s.MalformedLines).ShouldBe((3, 0, 0));
        var totals = await test.TotalsAsync();
        totals.Tokens.ShouldBe(Sum(A, B, C).Tokens);
        totals.CostUsd.ShouldBe(Sum(A, B, C).CostUsd);
    }

    [Fact]
    public async Task ImportAsync_LastLineTruncated_CountsIncompleteAndImportsTheRest()
    {
        await using var test = await TestStore.OpenAsync();
        var cut = Assistant(C);

        var s = await ImportFileAsync(test, [.. Join([Assistant(A), Assistant(B)]), .. cut.AsSpan(0, cut.Length * 2 / 3)]);

        (s.IncompleteLines, s.MalformedLines).ShouldBe((1, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Fact]
    public async Task ImportAsync_TruncatedLineFollowedByMore_CountsMalformedAndImportsTheRest()
    {
        await using var test = await TestStore.OpenAsync();
        var cut = Assistant(C);

        // A crash mid-write, then Claude Code went on appending after the cut line.
        var s = await ImportFileAsync(test, Join([Assistant(A), cut[..(cut.Length / 2)], Assistant(B)]));

        (s.MalformedLines, s.IncompleteLines).ShouldBe((1, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Theory]
    [InlineData("input_tokens as a string")]
    [InlineData("usage as an array")]
    [InlineData("timestamp as a number")]
    public async Task ImportAsync_FieldOfWrongJsonType_CountsInvalidAndImportsTheRest(string defect)
    {
        await using var test = await TestStore.OpenAsync();
        var line = JsonNode.Parse(Assistant(C))!;
        var usage = line["message"]!["usage"]!;
        switch (defect)
        {
            case "input_tokens as a string": usage["input_tokens"] = "500"; break;
            case "usage as an array": line["message"]!["usage"] = new JsonArray(500, 100); break;
            default: line["timestamp"] = 1_762_164_600_000; break;
        }

        var s = await ImportFileAsync(test, Join([Assistant(A), Encoding.UTF8.GetBytes(line.ToJsonString()), Assistant(B)]));

        (s.InvalidLines, s.MalformedLines).ShouldBe((1, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Fact]
    public async Task ImportAsync_EmptyFile_ReadsNothingFromItAndImportsTheOthers()
    {
        await using var test = await TestStore.OpenAsync();
        TranscriptFiles.Write(test.ProjectsDirectory, "empty", []);

        var s = await ImportFileAsync(test, Join([Assistant(A), Assistant(B)]));

        (s.FilesFound, s.FilesReadWhole, s.FilesUnreadable, s.Lines).ShouldBe((2, 2, 0, 2));
        await ShouldHoldAAndBAsync(test, s);
        var again = (await test.ImportAsync()).Statistics;
        (again.FilesUnchanged, again.BytesRead).ShouldBe((2, 0));
    }

    [Fact]
    public async Task ImportAsync_DanglingSymlink_CountsUnreadableAndImportsTheOthers()
    {
        await using var test = await TestStore.OpenAsync();
        var link = TranscriptFiles.PathOf(test.ProjectsDirectory, "x");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, test.Temp.Combine("nowhere", "gone.jsonl"));

        var summary = await ImportSummaryAsync(test, Join([Assistant(A), Assistant(B)]));

        summary.Statistics.FilesUnreadable.ShouldBe(1);
        summary.Problems.ShouldContain(p => p.Path == link);
        await ShouldHoldAAndBAsync(test, summary.Statistics);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ImportAsync_FileWithoutReadPermission_CountsUnreadableAndImportsTheOthers()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        await using var test = await TestStore.OpenAsync();
        var locked = TranscriptFiles.Write(test.ProjectsDirectory, "x", Join([Assistant(C)]));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        Assert.SkipWhen(CanOpen(locked), "running with privileges that ignore file permissions (root); the dangling-symlink test covers this path");

        var summary = await ImportSummaryAsync(test, Join([Assistant(A), Assistant(B)]));

        summary.Statistics.FilesUnreadable.ShouldBe(1);
        summary.Problems.ShouldContain(p => p.Path == locked);
        await ShouldHoldAAndBAsync(test, summary.Statistics);
    }

    [Fact]
    public async Task ImportAsync_DirectoryNamedJsonl_CountsNotFileAndImportsTheOthers()
    {
        await using var test = await TestStore.OpenAsync();
        Directory.CreateDirectory(TranscriptFiles.PathOf(test.ProjectsDirectory, "x"));

        var s = await ImportFileAsync(test, Join([Assistant(A), Assistant(B)]));

        (s.NotFiles, s.FilesFound, s.FilesUnreadable).ShouldBe((1, 1, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Theory]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public async Task ImportAsync_WindowsLineEndsOrByteOrderMark_ImportsEveryLine(string lineEnd, bool byteOrderMark)
    {
        await using var test = await TestStore.OpenAsync();
        var content = Join([User(A.TimestampUtc), Assistant(A), Assistant(B)], lineEnd);

        var s = await ImportFileAsync(test, byteOrderMark ? [0xEF, 0xBB, 0xBF, .. content] : content);

        (s.Lines, s.MalformedLines, s.InvalidLines, s.IncompleteLines).ShouldBe((3, 0, 0, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Fact]
    public async Task ImportAsync_ByteOrderMarkBeforeEventLine_ImportsIt()
    {
        await using var test = await TestStore.OpenAsync();

        var s = await ImportFileAsync(test, [0xEF, 0xBB, 0xBF, .. Join([Assistant(A), Assistant(B)])]);

        s.MalformedLines.ShouldBe(0);
        await ShouldHoldAAndBAsync(test, s);
    }

    [Fact]
    public async Task ImportAsync_BlankLines_CountsThemAndImportsTheRest()
    {
        await using var test = await TestStore.OpenAsync();

        var s = await ImportFileAsync(test, Join([Assistant(A), [], " \t "u8.ToArray(), Assistant(B)]));

        (s.BlankLines, s.MalformedLines).ShouldBe((2, 0));
        await ShouldHoldAAndBAsync(test, s);
    }

    [Theory]
    [InlineData("this is not JSON at all")]
    [InlineData("{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":1}} trailing")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task ImportAsync_GarbageLine_CountsMalformedAndImportsTheRest(string garbage)
    {
        await using var test = await TestStore.OpenAsync();

        var s = await ImportFileAsync(test, Join([Assistant(A), Encoding.UTF8.GetBytes(garbage), Assistant(B)]));

        s.MalformedLines.ShouldBe(1);
        await ShouldHoldAAndBAsync(test, s);
    }

    private static async Task<ImportStatistics> ImportFileAsync(TestStore test, byte[] content) =>
        (await ImportSummaryAsync(test, content)).Statistics;

    private static Task<ImportSummary> ImportSummaryAsync(TestStore test, byte[] content)
    {
        TranscriptFiles.Write(test.ProjectsDirectory, "s1", content);
        return test.ImportAsync();
    }

    private static async Task ShouldHoldAAndBAsync(TestStore test, ImportStatistics statistics)
    {
        statistics.UsageLines.ShouldBe(2);
        var totals = await test.TotalsAsync();
        totals.Requests.ShouldBe(2);
        totals.Tokens.ShouldBe(Sum(A, B).Tokens);
        totals.CostUsd.ShouldBe(Sum(A, B).CostUsd);
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
