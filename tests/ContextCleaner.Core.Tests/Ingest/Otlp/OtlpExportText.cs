using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ContextCleaner.Core.Ingest.Otlp;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>
/// Renders an <see cref="OtlpExport"/> as canonical text, one line per record, attribute and point, so two decodes can
/// be compared deeply with one assertion and a readable diff. Resources and scopes are numbered by instance, so the
/// text also shows which records share one. Doubles are written round-trip and as their bits (compared exactly).
/// </summary>
internal static class OtlpExportText
{
    public static string Render(OtlpExport export)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"signal {export.Signal}\n");
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var log in export.Logs)
        {
            Header(text, ids, log.Resource, log.Scope);
            text.Append(CultureInfo.InvariantCulture, $"log time={log.TimeUnixNano} observed={log.ObservedTimeUnixNano} severity={log.SeverityNumber}")
                .Append(CultureInfo.InvariantCulture, $" text={Quote(log.SeverityText)} trace={Quote(log.TraceId)} span={Quote(log.SpanId)} event={Quote(log.EventName)}")
                .Append(" body=").Append(Value(log.Body)).Append('\n');
            Attributes(text, "  ", log.Attributes);
        }

        foreach (var metric in export.Metrics)
        {
            Header(text, ids, metric.Resource, metric.Scope);
            text.Append(CultureInfo.InvariantCulture, $"metric {Quote(metric.Name)} description={Quote(metric.Description)} unit={Quote(metric.Unit)}")
                .Append(CultureInfo.InvariantCulture, $" type={metric.Type} temporality={metric.Temporality} monotonic={metric.IsMonotonic}\n");
            foreach (var point in metric.Points)
            {
                text.Append(CultureInfo.InvariantCulture, $"  point start={point.StartTimeUnixNano} time={point.TimeUnixNano} value={Double(point.Value)}")
                    .Append(CultureInfo.InvariantCulture, $" count={point.Count?.ToString(CultureInfo.InvariantCulture) ?? "null"} flags={point.Flags}\n");
                Attributes(text, "    ", point.Attributes);
            }
        }

        foreach (var span in export.Spans)
        {
            Header(text, ids, span.Resource, span.Scope);
            text.Append(CultureInfo.InvariantCulture, $"span {Quote(span.Name)} trace={Quote(span.TraceId)} id={Quote(span.SpanId)} parent={Quote(span.ParentSpanId)}")
                .Append(CultureInfo.InvariantCulture, $" kind={span.Kind} start={span.StartTimeUnixNano} end={span.EndTimeUnixNano}")
                .Append(CultureInfo.InvariantCulture, $" status={span.StatusCode} {Quote(span.StatusMessage)}\n");
            Attributes(text, "  ", span.Attributes);
            foreach (var spanEvent in span.Events)
            {
                text.Append(CultureInfo.InvariantCulture, $"  event {Quote(spanEvent.Name)} time={spanEvent.TimeUnixNano}\n");
                Attributes(text, "    ", spanEvent.Attributes);
            }
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, Dictionary<object, int> ids, OtlpResource resource, OtlpScope scope)
    {
        text.Append(CultureInfo.InvariantCulture, $"resource#{Id(ids, resource, out var newResource)} scope#{Id(ids, scope, out var newScope)}\n");
        if (newResource)
        {
            text.Append("  resource\n");
            Attributes(text, "    ", resource.Attributes);
        }

        if (newScope)
        {
            text.Append(CultureInfo.InvariantCulture, $"  scope {Quote(scope.Name)} version={Quote(scope.Version)}\n");
            Attributes(text, "    ", scope.Attributes);
        }
    }

    private static int Id(Dictionary<object, int> ids, object instance, out bool isNew)
    {
        isNew = !ids.TryGetValue(instance, out var id);
        if (isNew)
        {
            id = ids.Count;
            ids.Add(instance, id);
        }

        return id;
    }

    private static void Attributes(StringBuilder text, string indent, OtlpAttributes attributes)
    {
        foreach (var attribute in attributes)
        {
            text.Append(indent).Append(Quote(attribute.Key)).Append(" = ").Append(Value(attribute.Value)).Append('\n');
        }
    }

    private static string Value(OtlpValue value) => value.Kind switch
    {
        OtlpValueKind.Empty => "empty",
        OtlpValueKind.StringValue => "string " + Quote(value.StringValue),
        OtlpValueKind.BoolValue => value.BoolValue ? "bool true" : "bool false",
        OtlpValueKind.IntValue => "int " + value.IntValue.ToString(CultureInfo.InvariantCulture),
        OtlpValueKind.DoubleValue => "double " + Double(value.DoubleValue),
        OtlpValueKind.BytesValue => "bytes " + Convert.ToHexStringLower([.. value.BytesValue!]),
        OtlpValueKind.ArrayValue => "[" + string.Join(", ", value.ArrayValue!.Select(Value)) + "]",
        OtlpValueKind.KeyValueListValue => "{" + string.Join(", ", value.KeyValueListValue!.Select(e => Quote(e.Key) + ": " + Value(e.Value))) + "}",
        _ => "unknown kind " + value.Kind,
    };

    private static string Double(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture) + "/" + BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    private static string Quote(string? text) => text is null ? "null" : "\"" + JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text) + "\"";
}
