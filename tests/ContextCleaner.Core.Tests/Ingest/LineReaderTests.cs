using System.Text;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Tests.TestSupport;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class LineReaderTests : IDisposable
{
    private const int OneMiB = 1 << 20;
    private const int Unlimited = 256 << 20;
    private readonly TempDirectory _temp = new();
    private readonly RecordingLineVisitor _visitor = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a\nbb\nccc\n")]
    [InlineData("a\r\nbb\r\nccc\r\n")]
    public void ReadLines_LfOrCrLf_DeliversLinesWithoutLineEnds(string content)
    {
        var crlf = content.Contains('\r', StringComparison.Ordinal) ? 1 : 0;

        var consumed = Read(Encoding.UTF8.GetBytes(content));

        // Offsets: "a" at 0; "bb" after "a\n" (2, or 3 with CRLF); "ccc" after "bb\n" (5, or 7).
        _visitor.Calls.ShouldBe(["a@0", $"bb@{2 + crlf}", $"ccc@{5 + (2 * crlf)}"]);
        consumed.ShouldBe(content.Length);
    }

    [Fact]
    public void ReadLines_CarriageReturnInsideLine_IsKept()
    {
        Read("a\rb\n"u8.ToArray());

        _visitor.Lines.Single().Text.ShouldBe("a\rb");
    }

    [Fact]
    public void ReadLines_Utf8ByteOrderMarkAtStart_IsStrippedAndOffsetPointsAfterIt()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. "{}\n{\"a\":1}\n"u8];

        var consumed = Read(content);

        _visitor.Calls.ShouldBe(["{}@3", "{\"a\":1}@6"]);
        consumed.ShouldBe(content.Length);
    }

    [Fact]
    public void ReadLines_LastLineWithoutNewline_IsDeliveredUnterminatedAndNotConsumed()
    {
        var consumed = Read("one\ntwo\nthr"u8.ToArray());

        _visitor.Calls.ShouldBe(["one@0", "two@4", "thr@8(unterminated)"]);
        consumed.ShouldBe(8);   // just after "two\n": the next import reads "thr…" again once it is complete
    }

    [Fact]
    public void ReadLines_EmptyLines_AreDelivered()
    {
        var consumed = Read("\n\r\nx\n"u8.ToArray());

        _visitor.Calls.ShouldBe(["@0", "@1", "x@3"]);
        consumed.ShouldBe(5);
    }

    [Fact]
    public void ReadLines_EmptyRange_DeliversNothing()
    {
        var path = _temp.WriteFile("t.jsonl", "abc\n");

        var consumed = Read(path, 4, 4, Unlimited);

        _visitor.Calls.ShouldBeEmpty();
        consumed.ShouldBe(4);
    }

    [Fact]
    public void ReadLines_FromMidFileOffset_DeliversOnlyLaterLinesWithFileOffsets()
    {
        var path = _temp.WriteFile("t.jsonl", "first\nsecond\nthird\n");

        var consumed = Read(path, 6, 19, Unlimited);

        _visitor.Calls.ShouldBe(["second@6", "third@13"]);
        consumed.ShouldBe(19);
    }

    [Fact]
    public void ReadLines_EndInsideALine_DeliversThatLineUnterminatedAndStopsBeforeIt()
    {
        var path = _temp.WriteFile("t.jsonl", "aa\nbb\ncc\n");

        var consumed = Read(path, 3, 7, Unlimited);

        _visitor.Calls.ShouldBe(["bb@3", "c@6(unterminated)"]);
        consumed.ShouldBe(6);
    }

    [Fact]
    public void ReadLines_LineLongerThanLimit_ReportsOversizedAndDeliversFollowingLines()
    {
        // The limit equals the reader's first buffer (1 MiB), so the 1.5 MiB line cannot fit.
        var longLine = new string('x', OneMiB + (OneMiB / 2));
        var content = "before\n" + longLine + "\nafter\n{}\n";

        var consumed = Read(Encoding.UTF8.GetBytes(content), OneMiB);

        _visitor.Calls.ShouldBe(["before@0", $"oversized@7+{longLine.Length}", $"after@{8 + longLine.Length}", $"{{}}@{14 + longLine.Length}"]);
        consumed.ShouldBe(content.Length);
    }

    [Fact]
    public void ReadLines_LineLongerThanSmallLimit_ReportsOversized()
    {
        var longLine = new string('x', 10_000);
        var content = "before\n" + longLine + "\nafter\n";

        Read(Encoding.UTF8.GetBytes(content), 4096);

        _visitor.Calls.ShouldBe(["before@0", "oversized@7+10000", "after@10008"]);
    }

    [Fact]
    public void ReadLines_LineLongerThanFirstBufferButUnderLimit_IsDeliveredIntact()
    {
        // 3 MiB of varied bytes: the reader must grow its 1 MiB buffer twice and keep every byte in order.
        var longLine = new byte[3 * OneMiB];
        for (var i = 0; i < longLine.Length; i++)
        {
            longLine[i] = (byte)('a' + (i % 26));
        }

        byte[] content = [.. "head\n"u8, .. longLine, (byte)'\n', .. "tail\n"u8];

        var consumed = Read(content, 8 * OneMiB);

        _visitor.OversizedLines.ShouldBeEmpty();
        _visitor.Lines.Count.ShouldBe(3);
        _visitor.Lines[0].Text.ShouldBe("head");
        _visitor.Lines[1].Offset.ShouldBe(5);
        _visitor.Lines[1].Bytes.ShouldBe(longLine);
        _visitor.Lines[2].Text.ShouldBe("tail");
        _visitor.Lines[2].Offset.ShouldBe(5 + longLine.Length + 1);
        consumed.ShouldBe(content.Length);
    }

    [Fact]
    public void ReadLines_ManyLinesAcrossBufferBoundaries_DeliversEveryLineOnce()
    {
        // ~2.9 MiB of numbered lines: lines straddle the 1 MiB buffer refills.
        var builder = new StringBuilder();
        const int count = 200_000;
        for (var i = 0; i < count; i++)
        {
            builder.Append("{\"n\":").Append(i).Append("}\n");
        }

        var content = Encoding.UTF8.GetBytes(builder.ToString());

        var consumed = Read(content);

        _visitor.Lines.Count.ShouldBe(count);
        _visitor.Lines[123_456].Text.ShouldBe("{\"n\":123456}");
        _visitor.Lines.Select(l => l.Text).Distinct().Count().ShouldBe(count);
        consumed.ShouldBe(content.Length);
    }

    [Fact]
    public void ReadLines_CancelledToken_Throws()
    {
        var path = _temp.WriteFile("t.jsonl", "a\n");
        using var handle = File.OpenHandle(path);

        Should.Throw<OperationCanceledException>(() => LineReader.ReadLines(handle, 0, 2, Unlimited, _visitor, new CancellationToken(canceled: true)));
    }

    private long Read(byte[] content, int maxLineBytes = Unlimited)
    {
        var path = _temp.WriteFile("t.jsonl", content);
        return Read(path, 0, content.Length, maxLineBytes);
    }

    private long Read(string path, long start, long end, int maxLineBytes)
    {
        using var handle = File.OpenHandle(path);
        return LineReader.ReadLines(handle, start, end, maxLineBytes, _visitor, TestContext.Current.CancellationToken);
    }
}
