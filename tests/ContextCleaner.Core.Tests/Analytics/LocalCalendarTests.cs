using System.Globalization;
using ContextCleaner.Core.Analytics;
using Shouldly;

namespace ContextCleaner.Core.Tests.Analytics;

public sealed class LocalCalendarTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("UTC", 1440)]
    [InlineData("Etc/GMT", 1440)]
    [InlineData("Africa/Abidjan", 1440)]   // UTC all year
    [InlineData("Australia/Adelaide", 15)]   // +9:30 / +10:30 (its tzdata history has no odd offsets)
    public void BucketMinutes_SystemZoneWithQuarterHourHistory_IsLargestBucketThatFitsItsOffsets(string zoneId, int expected)
    {
        LocalCalendar.BucketMinutes(TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Europe/London", 60)]      // UTC in winter, +1:00 in summer
    [InlineData("Europe/Berlin", 60)]
    [InlineData("America/New_York", 60)]
    [InlineData("Asia/Tokyo", 60)]
    [InlineData("Asia/Kolkata", 15)]       // +5:30
    [InlineData("Asia/Kathmandu", 15)]     // +5:45
    public void BucketMinutes_SystemZone_IsLargestBucketThatFitsItsOffsets(string zoneId, int expected)
    {
        LocalCalendar.BucketMinutes(TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 0, 1440)]    // UTC all year: a bucket per day
    [InlineData(0, 60, 60)]     // UTC in winter, +1:00 in summer (London)
    [InlineData(60, 0, 60)]     // +1:00 with a one-hour DST shift (Berlin today)
    [InlineData(-300, 60, 60)]  // -5:00 / -4:00 (New York today)
    [InlineData(330, 0, 15)]    // +5:30 (India)
    [InlineData(345, 0, 15)]    // +5:45 (Nepal)
    [InlineData(570, 60, 15)]   // +9:30 / +10:30 (Adelaide)
    [InlineData(630, 30, 15)]   // +10:30 with a 30-minute DST shift (Lord Howe Island)
    [InlineData(20, 0, 1)]      // +0:20 (Amsterdam 1937): only 1-minute buckets never straddle midnight
    public void BucketMinutes_ZoneWithTheseOffsets_IsLargestBucketThatNeverStraddlesMidnight(int baseMinutes, int daylightMinutes, int expected)
    {
        var zone = Zone(baseMinutes, daylightMinutes);

        LocalCalendar.BucketMinutes(zone).ShouldBe(expected);
    }

    [Theory]
    // An ordinary day: New York is UTC-4 in summer, so local midnight is 04:00Z.
    [InlineData("2025-07-15T03:59:59Z", "2025-07-14")]
    [InlineData("2025-07-15T04:00:00Z", "2025-07-15")]
    // 9 March 2025, DST starts at 02:00 local: the day begins at 05:00Z (EST) and ends at 04:00Z next day (EDT), 23 hours.
    [InlineData("2025-03-09T04:59:59Z", "2025-03-08")]
    [InlineData("2025-03-09T05:00:00Z", "2025-03-09")]
    [InlineData("2025-03-10T03:59:59Z", "2025-03-09")]
    [InlineData("2025-03-10T04:00:00Z", "2025-03-10")]
    // 2 November 2025, DST ends: the day begins at 04:00Z (EDT) and ends at 05:00Z next day (EST), 25 hours.
    [InlineData("2025-11-02T03:59:59Z", "2025-11-01")]
    [InlineData("2025-11-02T04:00:00Z", "2025-11-02")]
    [InlineData("2025-11-03T04:59:59Z", "2025-11-02")]
    [InlineData("2025-11-03T05:00:00Z", "2025-11-03")]
    public void PeriodKey_DayInNewYork_ChangesAtLocalMidnight(string utc, string expectedDay)
    {
        LocalCalendar.PeriodKey(Utc(utc), NewYork, UsagePeriod.Day, DayOfWeek.Sunday).ShouldBe(expectedDay);
    }

    [Theory]
    // Sunday 9 March 2025 (DST change day) starts at 05:00Z; Saturday 8 March belongs to the week before.
    [InlineData("2025-03-09T04:59:59Z", DayOfWeek.Sunday, "2025-03-02")]
    [InlineData("2025-03-09T05:00:00Z", DayOfWeek.Sunday, "2025-03-09")]
    [InlineData("2025-03-15T12:00:00Z", DayOfWeek.Sunday, "2025-03-09")]   // Saturday
    [InlineData("2025-03-16T03:59:59Z", DayOfWeek.Sunday, "2025-03-09")]   // still Saturday 23:59:59 local
    [InlineData("2025-03-16T04:00:00Z", DayOfWeek.Sunday, "2025-03-16")]
    // Weeks starting on Monday: Sunday 9 March closes the week of Monday 3 March.
    [InlineData("2025-03-09T05:00:00Z", DayOfWeek.Monday, "2025-03-03")]
    [InlineData("2025-03-10T03:59:59Z", DayOfWeek.Monday, "2025-03-03")]
    [InlineData("2025-03-10T04:00:00Z", DayOfWeek.Monday, "2025-03-10")]
    public void PeriodKey_WeekInNewYork_IsKeyedByLocalDateOfFirstDay(string utc, DayOfWeek startOfWeek, string expectedWeek)
    {
        LocalCalendar.PeriodKey(Utc(utc), NewYork, UsagePeriod.Week, startOfWeek).ShouldBe(expectedWeek);
    }

    [Theory]
    [InlineData("2025-11-01T03:59:59Z", "2025-10")]   // 31 October 23:59:59 EDT
    [InlineData("2025-11-01T04:00:00Z", "2025-11")]
    [InlineData("2026-01-01T04:59:59Z", "2025-12")]   // 31 December 23:59:59 EST
    [InlineData("2026-01-01T05:00:00Z", "2026-01")]
    public void PeriodKey_MonthInNewYork_ChangesAtLocalMidnightOfFirstDay(string utc, string expectedMonth)
    {
        LocalCalendar.PeriodKey(Utc(utc), NewYork, UsagePeriod.Month, DayOfWeek.Sunday).ShouldBe(expectedMonth);
    }

    [Fact]
    public void PeriodKey_Utc_UsesTheUtcDate()
    {
        LocalCalendar.PeriodKey(Utc("2025-10-01T23:59:59.999Z"), TimeZoneInfo.Utc, UsagePeriod.Day, DayOfWeek.Sunday).ShouldBe("2025-10-01");
    }

    [Theory]
    [InlineData("America/New_York", "2025-03-09", "2025-03-09T05:00:00Z")]   // DST starts later that night
    [InlineData("America/New_York", "2025-03-10", "2025-03-10T04:00:00Z")]
    [InlineData("America/New_York", "2025-11-02", "2025-11-02T04:00:00Z")]   // DST ends later that night
    [InlineData("America/New_York", "2025-11-03", "2025-11-03T05:00:00Z")]
    [InlineData("Asia/Kolkata", "2025-10-01", "2025-09-30T18:30:00Z")]
    [InlineData("Asia/Kathmandu", "2025-10-01", "2025-09-30T18:15:00Z")]
    // Chile moves its clocks at midnight: 8 September 2024 has no 00:00 and begins at 01:00 -03.
    [InlineData("America/Santiago", "2024-09-08", "2024-09-08T04:00:00Z")]
    [InlineData("America/Santiago", "2024-09-07", "2024-09-07T04:00:00Z")]
    public void StartOfDayUtc_LocalDay_IsUtcInstantOfItsFirstLocalMoment(string zoneId, string day, string expectedUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var start = LocalCalendar.StartOfDayUtc(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), zone);

        start.ShouldBe(Utc(expectedUtc));
        start.Kind.ShouldBe(DateTimeKind.Utc);
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static TimeZoneInfo Zone(int baseMinutes, int daylightMinutes)
    {
        var id = $"test{baseMinutes}+{daylightMinutes}";
        if (daylightMinutes == 0)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromMinutes(baseMinutes), id, id);
        }

        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromMinutes(daylightMinutes),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromMinutes(baseMinutes), id, id, id + "d", [rule]);
    }
}
