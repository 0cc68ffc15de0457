using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>What one export request became, and what it could not become.</summary>
/// <param name="Events">Canonical events (log records; retry attempts and spans of traces).</param>
/// <param name="Metrics">Metric points.</param>
/// <param name="Rejected">Records (log records, data points or spans) rejected for cause.</param>
/// <param name="RejectReason">Why the first one was rejected, for OTLP's partial-success message.</param>
public sealed record OtlpMapping(IReadOnlyList<TelemetryEvent> Events, IReadOnlyList<MetricPoint> Metrics, int Rejected, string? RejectReason);
