namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>OTLP nanosecond timestamps as UTC <see cref="DateTime"/> values.</summary>
internal static class OtlpTime
{
    private static readonly ulong MaxNanos = (ulong)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>The time, or null when unset (0) or beyond year 9999.</summary>
    public static DateTime? ToUtc(ulong unixNanos) =>
        unixNanos == 0 || unixNanos >= MaxNanos ? null : DateTime.UnixEpoch.AddTicks((long)(unixNanos / 100));
}
