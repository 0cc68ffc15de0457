namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Collects the records one decoder flattens out of an export request, and holds the conventions both decoders share
/// so that a JSON body and a protobuf body carrying the same data decode to the same <see cref="OtlpExport"/>.
/// </summary>
internal sealed class OtlpExportBuilder(OtlpSignal signal)
{
    public OtlpSignal Signal => signal;

    public List<OtlpLogRecord> Logs { get; } = [];

    public List<OtlpMetric> Metrics { get; } = [];

    public List<OtlpSpan> Spans { get; } = [];

    public OtlpExport Build() => new(signal, Logs, Metrics, Spans);

    /// <summary>The attributes read so far (null when none were), as one shared empty instance when there are none.</summary>
    public static OtlpAttributes Attributes(List<OtlpKeyValue>? items) => items is null || items.Count == 0 ? OtlpAttributes.None : new(items);

    /// <summary>
    /// An optional string field: proto3 does not put an empty string on the wire, so a protobuf body cannot tell
    /// <c>""</c> from absent while JSON can (Claude Code's JSON sends <c>"unit": ""</c>); both become null.
    /// </summary>
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
