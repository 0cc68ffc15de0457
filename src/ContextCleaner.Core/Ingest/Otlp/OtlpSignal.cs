namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>The three OTLP/HTTP signals (<c>/v1/logs</c>, <c>/v1/metrics</c>, <c>/v1/traces</c>).</summary>
public enum OtlpSignal
{
    /// <summary><c>ExportLogsServiceRequest</c>.</summary>
    Logs,

    /// <summary><c>ExportMetricsServiceRequest</c>.</summary>
    Metrics,

    /// <summary><c>ExportTraceServiceRequest</c>.</summary>
    Traces,
}
