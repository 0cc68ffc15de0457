using System.Text;
using ContextCleaner.Core.Ingest;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2025-10-01T09:30:00.123Z", 2025, 10, 1, 9, 30, 0, 1_230_000)]       // what Claude Code writes
    [InlineData("2025-10-01T09:30:00Z", 2025, 10, 1, 9, 30, 0, 0)]
    [InlineData("2025-10-01T09:30:00.1Z", 2025, 10, 1, 9, 30, 0, 1_000_000)]
    [InlineData("2025-10-01T09:30:00.1234567Z", 2025, 10, 1, 9, 30, 0, 1_234_567)]
    [InlineData("2025-10-01T11:30:00.123+02:00", 2025, 10, 1, 9, 30, 0, 1_230_000)]  // offsets are converted
    [InlineData("2025-10-01T04:30:00-05:00", 2025, 10, 1, 9, 30, 0, 0)]
    [InlineData("2025-10-01T09:30:00", 2025, 10, 1, 9, 30, 0, 0)]                    // no zone: UTC
    [InlineData("2024-02-29T23:59:59.999Z", 2024, 2, 29, 23, 59, 59, 9_990_000)]     // leap day
    public void TryParse_IsoText_GivesUtcInstant(string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks)
    {
        IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var utc).ShouldBeTrue();

        utc.ShouldBe(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks));
        utc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-02-30T09:30:00Z")]    // no 30 February
    [InlineData("2025-02-29T09:30:00Z")]    // 2025 is not a leap year
    [InlineData("2025-13-01T09:30:00Z")]
    [InlineData("2025-10-01T24:00:01Z")]
    [InlineData("2025-10-01T09:60:00Z")]
    [InlineData("2025-10-01T09:30:00.Z")]
    [InlineData("+025-10-01T09:30:00Z")]
    [InlineData("2025-10-01T09:30:00.123Z and more text that makes it longer than sixty-four bytes")]
    public void TryParse_NotATimestamp_ReturnsFalse(string text)
    {
        IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse();
    }
}
