namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>One decoded export request: the records of its signal, flattened, each with its resource and scope.</summary>
/// <param name="Signal">Which signal the body was decoded as.</param>
/// <param name="Logs">Log records (logs only).</param>
/// <param name="Metrics">Metrics (metrics only).</param>
/// <param name="Spans">Spans (traces only).</param>
public sealed record OtlpExport(OtlpSignal Signal, IReadOnlyList<OtlpLogRecord> Logs, IReadOnlyList<OtlpMetric> Metrics, IReadOnlyList<OtlpSpan> Spans)
{
    /// <summary>Number of records of the signal: log records, data points or spans (what partial success counts).</summary>
    public int RecordCount => Signal switch
    {
        OtlpSignal.Logs => Logs.Count,
        OtlpSignal.Metrics => Metrics.Sum(m => m.Points.Count),
        _ => Spans.Count,
    };
}
