using System.Globalization;

namespace ContextCleaner.Core.Analytics;

/// <summary>Timestamps as ccusage and JavaScript print them: <c>2025-10-01T09:30:00.123Z</c>.</summary>
public static class IsoTime
{
    /// <summary>UTC, millisecond precision, trailing <c>Z</c>.</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
