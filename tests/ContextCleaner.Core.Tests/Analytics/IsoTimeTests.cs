using ContextCleaner.Core.Analytics;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData(2025, 10, 1, 9, 30, 0, 123, "2025-10-01T09:30:00.123Z")]
    [InlineData(2025, 10, 1, 9, 30, 0, 0, "2025-10-01T09:30:00.000Z")]
    [InlineData(2026, 1, 2, 23, 5, 7, 9, "2026-01-02T23:05:07.009Z")]
    public void Format_UtcTime_PrintsLikeJavaScriptToIsoString(int year, int month, int day, int hour, int minute, int second, int millisecond, string expected)
    {
        IsoTime.Format(new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc)).ShouldBe(expected);
    }

    [Fact]
    public void Format_SubMillisecondTicks_AreTruncatedNotRounded()
    {
        var time = new DateTime(2025, 10, 1, 9, 30, 0, 123, DateTimeKind.Utc).AddTicks(9_999);   // 123.9999 ms

        IsoTime.Format(time).ShouldBe("2025-10-01T09:30:00.123Z");
    }
}
