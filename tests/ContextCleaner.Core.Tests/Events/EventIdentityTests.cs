using System.IO.Hashing;
using System.Text;
using ContextCleaner.Core.Events;
using Shouldly;

namespace ContextCleaner.Core.Tests.Events;

public sealed class EventIdentityTests
{
    [Fact]
    public void ForApiResponse_SameKey_GivesSameIdEveryTime()
    {
        EventIdentity.ForApiResponse("msg_01", "req_01").ShouldBe(EventIdentity.ForApiResponse("msg_01", "req_01"));
        EventIdentity.ForTranscriptLine("3ad5cb6d").ShouldBe(EventIdentity.ForTranscriptLine("3ad5cb6d"));
        EventIdentity.ForPosition("/p/s.jsonl", 1234).ShouldBe(EventIdentity.ForPosition("/p/s.jsonl", 1234));
    }

    [Fact]
    public void ForApiResponse_KnownKey_IsXxHash128OfScopeAndPartsEachFollowedByUnitSeparator()
    {
        // Stored ids must not change between versions, or a re-import after an upgrade would count everything twice.
        var expected = new Guid(XxHash128.Hash(Encoding.UTF8.GetBytes("response\u001fmsg_01\u001freq_01\u001f")));

        EventIdentity.ForApiResponse("msg_01", "req_01").ShouldBe(expected);
    }

    [Theory]
    [InlineData("msg_01", "req_01")]
    [InlineData("msg_stub_18e81db3ddef45deb76a799e", null)]
    [InlineData("20bd8909-0244-4ba9-8d52-a1b496a9eb62", "req_stub_cf7de0e3c83d4bc28074a263")]
    [InlineData("msg_é_日本", "req_ü")]
    [InlineData("", "")]
    public void ForApiResponse_MessageIdAsUtf8Bytes_GivesSameIdAsString(string messageId, string? requestId)
    {
        // Transcripts hash the id's bytes, other sources its string: one request must get one id either way.
        var expected = new Guid(XxHash128.Hash(Encoding.UTF8.GetBytes("response\u001f" + messageId + "\u001f" + (requestId ?? "") + "\u001f")));

        EventIdentity.ForApiResponse(Encoding.UTF8.GetBytes(messageId), requestId).ShouldBe(expected);
        EventIdentity.ForApiResponse(messageId, requestId).ShouldBe(expected);
    }

    [Fact]
    public void ForKey_DifferentKeys_GiveDifferentIds()
    {
        Guid[] ids =
        [
            EventIdentity.ForApiResponse("msg_01", "req_01"),
            EventIdentity.ForApiResponse("msg_01", "req_02"),
            EventIdentity.ForApiResponse("msg_02", "req_01"),
            EventIdentity.ForApiResponse("msg_01", null),
            EventIdentity.ForTranscriptLine("msg_01"),
            EventIdentity.ForPosition("/p/s.jsonl", 0),
            EventIdentity.ForPosition("/p/s.jsonl", 1),
            EventIdentity.ForPosition("/p/t.jsonl", 0),
            EventIdentity.ForKey("otlp", "msg_01", "req_01"),
        ];

        ids.Distinct().Count().ShouldBe(ids.Length);
    }

    [Fact]
    public void ForKey_PartsSplitDifferently_GiveDifferentIds()
    {
        EventIdentity.ForKey("s", "ab", "c").ShouldNotBe(EventIdentity.ForKey("s", "a", "bc"));
        EventIdentity.ForKey("sa", "b", "c").ShouldNotBe(EventIdentity.ForKey("s", "ab", "c"));
        EventIdentity.ForKey("s", "a", "").ShouldNotBe(EventIdentity.ForKey("s", "", "a"));
    }

    [Fact]
    public void ForApiResponse_MissingRequestId_IsTheSameAsEmptyRequestId()
    {
        EventIdentity.ForApiResponse("msg_01", null).ShouldBe(EventIdentity.ForApiResponse("msg_01", ""));
    }

    [Fact]
    public void ForKey_LongAndNonAsciiParts_AreDeterministicAndDistinct()
    {
        // Longer than the 512-byte stack buffer: the pooled-buffer path must hash the same way every time.
        var longPart = new string('é', 2_000);
        var otherLongPart = longPart[..^1] + "e";

        EventIdentity.ForKey("s", longPart, "x").ShouldBe(EventIdentity.ForKey("s", longPart, "x"));
        EventIdentity.ForKey("s", longPart, "x").ShouldNotBe(EventIdentity.ForKey("s", otherLongPart, "x"));
        var expected = new Guid(XxHash128.Hash(Encoding.UTF8.GetBytes("s\u001f" + longPart + "\u001fx\u001f")));
        EventIdentity.ForKey("s", longPart, "x").ShouldBe(expected);
    }
}
