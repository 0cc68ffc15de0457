namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>One OTLP <c>Metric</c> with the resource and scope it was sent under.</summary>
/// <param name="Resource">The resource of its <c>ResourceMetrics</c>.</param>
/// <param name="Scope">The scope of its <c>ScopeMetrics</c>.</param>
/// <param name="Name">Metric name (<c>claude_code.token.usage</c>, …).</param>
/// <param name="Description">Description.</param>
/// <param name="Unit">Unit (Claude Code sends <c>""</c> for counts).</param>
/// <param name="Type">Which data member is set.</param>
/// <param name="Temporality">Aggregation temporality (sums and histograms).</param>
/// <param name="IsMonotonic">Whether a sum only grows.</param>
/// <param name="Points">The data points.</param>
public sealed record OtlpMetric(
    OtlpResource Resource,
    OtlpScope Scope,
    string Name,
    string? Description,
    string? Unit,
    OtlpMetricType Type,
    OtlpTemporality Temporality,
    bool IsMonotonic,
    IReadOnlyList<OtlpDataPoint> Points);
