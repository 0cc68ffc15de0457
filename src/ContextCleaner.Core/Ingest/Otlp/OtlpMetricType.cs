namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>Which member of OTLP's <c>Metric.data</c> oneof a metric carries.</summary>
public enum OtlpMetricType
{
    /// <summary>No data (an empty metric).</summary>
    None,

    /// <summary><c>gauge</c> (5).</summary>
    Gauge,

    /// <summary><c>sum</c> (7): Claude Code sends only these.</summary>
    Sum,

    /// <summary><c>histogram</c> (9).</summary>
    Histogram,

    /// <summary><c>exponential_histogram</c> (10).</summary>
    ExponentialHistogram,

    /// <summary><c>summary</c> (11).</summary>
    Summary,
}
