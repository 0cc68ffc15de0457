using System.Globalization;

namespace ContextCleaner.Core.Analytics;

/// <summary>
/// Local days, weeks and months of a time zone, computed from UTC buckets. Every zone's offset (and DST shift) is a
/// multiple of 15 minutes, most of whole hours; a UTC bucket of that size therefore lies inside one local day, and
/// summing buckets per local day is exact.
/// </summary>
internal static class LocalCalendar
{
    private static readonly DateTime ModernEra = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The largest bucket (1440, 60, 15 or 1 minutes) that never straddles a local midnight of <paramref name="zone"/>.</summary>
    public static int BucketMinutes(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        // tzdata also holds 19th-century local mean times (offsets like +0:53:28); no transcript is that old.
        var offsets = zone.GetAdjustmentRules()
            .Where(r => r.DateEnd >= ModernEra)
            .SelectMany(r => new[] { r.BaseUtcOffsetDelta, r.DaylightDelta, zone.BaseUtcOffset + r.BaseUtcOffsetDelta })
            .Append(zone.BaseUtcOffset)
            .Select(o => (long)o.TotalMinutes)
            .ToList();
        // UTC (and zones that are UTC all year) cut days where UTC does: a day per bucket, 24x fewer rows to read.
        return offsets.All(m => m % 1440 == 0) ? 1440 : offsets.All(m => m % 60 == 0) ? 60 : offsets.All(m => m % 15 == 0) ? 15 : 1;
    }

    /// <summary>The report key of the local period holding <paramref name="utc"/>.</summary>
    public static string PeriodKey(DateTime utc, TimeZoneInfo zone, UsagePeriod period, DayOfWeek startOfWeek)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        return period switch
        {
            UsagePeriod.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            UsagePeriod.Week => day.AddDays(-(((int)day.DayOfWeek - (int)startOfWeek + 7) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The UTC instant local <paramref name="day"/> starts at in <paramref name="zone"/>.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A DST jump can skip local midnight; the day then starts at the first local time that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
