using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Turns decoded OTLP exports from Claude Code into canonical events and metric points (see
/// claude-code-real-telemetry.md §4). Lenient like every ingest path: a record that cannot be an event (no name, no
/// time) is counted as rejected, never thrown; values arrive as strings, ints, doubles or bools for the same key.
/// Events of one session share the source <c>otlp:&lt;session.id&gt;</c>, so the store keeps the session once.
/// </summary>
public sealed partial class OtlpEventMapper(PriceTable prices, OtlpMappingOptions options)
{
    /// <summary>Source path prefix of every OTLP event.</summary>
    public const string SourcePrefix = "otlp:";

    /// <summary>Maps one decoded export.</summary>
    public OtlpMapping Map(OtlpExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var result = new Accumulator();
        switch (export.Signal)
        {
            case OtlpSignal.Logs:
                foreach (var record in export.Logs)
                {
                    MapLog(record, result);
                }

                break;
            case OtlpSignal.Metrics:
                foreach (var metric in export.Metrics)
                {
                    MapMetric(metric, result);
                }

                break;
            default:
                foreach (var span in export.Spans)
                {
                    MapSpan(span, result);
                }

                break;
        }

        return new OtlpMapping(result.Events, result.Metrics, result.Rejected, result.RejectReason);
    }

    // Attributes that are not columns of the event, as text; content only when the user opted in and Claude Code sent it.
    private Dictionary<string, string>? Bag(OtlpAttributes attributes, HashSet<string> mapped, OtlpResource? resource = null)
    {
        Dictionary<string, string>? bag = null;
        foreach (var (key, value) in attributes)
        {
            if (mapped.Contains(key) || value.AsString() is not { } text)
            {
                continue;
            }

            if (OtlpContent.IsContent(key) && (!options.StoreContent || text == OtlpContent.Redacted))
            {
                continue;
            }

            (bag ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = text;
        }

        if (resource?.Attributes.GetString("service.version") is { } version)
        {
            (bag ??= new Dictionary<string, string>(StringComparer.Ordinal))["service.version"] = version;
        }

        return bag;
    }

    private static string SourceOf(string? sessionId) => SourcePrefix + (sessionId ?? "");

    // Claude Code computes cost_usd in floating point and sends e.g. 0.08073374999999999 for $0.08073375: to twelve
    // places (the stores' scale, far below a cent) it is the exact figure again.
    private static decimal? Usd(OtlpValue? value) =>
        value?.AsString() is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var usd)
            ? decimal.Round(usd, 12, MidpointRounding.ToEven)
            : null;

    private static string Nanos(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Accumulator
    {
        public List<TelemetryEvent> Events { get; } = [];

        public List<MetricPoint> Metrics { get; } = [];

        public int Rejected { get; private set; }

        public string? RejectReason { get; private set; }

        public void Reject(string reason)
        {
            Rejected++;
            RejectReason ??= reason;
        }
    }
}
