namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// One data point. For gauges and sums <see cref="Value"/> is the number (<c>as_double</c>, or <c>as_int</c> converted);
/// for histograms and summaries it is their <c>sum</c> and <see cref="Count"/> their <c>count</c>.
/// </summary>
/// <param name="StartTimeUnixNano">Start of the window (0 when unset).</param>
/// <param name="TimeUnixNano">End of the window / observation time.</param>
/// <param name="Value">The value.</param>
/// <param name="Count">Observation count of a histogram or summary point; null for numbers.</param>
/// <param name="Attributes">Point attributes.</param>
/// <param name="Flags">Data point flags (bit 0: no recorded value).</param>
public sealed record OtlpDataPoint(
    ulong StartTimeUnixNano,
    ulong TimeUnixNano,
    double Value,
    ulong? Count,
    OtlpAttributes Attributes,
    uint Flags);
