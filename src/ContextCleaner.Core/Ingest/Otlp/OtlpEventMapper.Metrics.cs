using System.Text;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Ingest.Otlp;

public sealed partial class OtlpEventMapper
{
    private static readonly HashSet<string> PointColumns = new(StringComparer.Ordinal) { "session.id", "model", "type" };

    private void MapMetric(OtlpMetric metric, Accumulator result)
    {
        var temporality = metric.Type switch
        {
            OtlpMetricType.Sum or OtlpMetricType.Histogram or OtlpMetricType.ExponentialHistogram => metric.Temporality switch
            {
                OtlpTemporality.Delta => MetricTemporality.Delta,
                OtlpTemporality.Cumulative => MetricTemporality.Cumulative,
                _ => MetricTemporality.Unspecified,
            },
            _ => MetricTemporality.Unspecified,
        };
        foreach (var point in metric.Points)
        {
            if ((point.Flags & 1) != 0)
            {
                continue;     // DATA_POINT_FLAGS_NO_RECORDED_VALUE: a gap marker, not a zero
            }

            if (OtlpTime.ToUtc(point.TimeUnixNano) is not { } time)
            {
                result.Reject($"{metric.Name}: data point without time_unix_nano");
                continue;
            }

            if (!double.IsFinite(point.Value))
            {
                result.Reject($"{metric.Name}: data point value is not a finite number");
                continue;
            }

            var series = SeriesId(metric, point.Attributes);
            result.Metrics.Add(new MetricPoint
            {
                Id = EventIdentity.ForKey("otlp-point", series.ToString("N"), $"{Nanos(point.StartTimeUnixNano)}\u001f{Nanos(point.TimeUnixNano)}"),
                SeriesId = series,
                Name = metric.Name,
                Unit = metric.Unit,
                Temporality = temporality,
                IsMonotonic = metric.IsMonotonic,
                StartUtc = OtlpTime.ToUtc(point.StartTimeUnixNano),
                TimestampUtc = time,
                Value = point.Value,
                Count = point.Count is { } count && count <= long.MaxValue ? (long)count : null,
                SessionId = point.Attributes.GetString("session.id"),
                Model = point.Attributes.GetString("model"),
                Type = point.Attributes.GetString("type"),
                Attributes = Bag(point.Attributes, PointColumns),
            });
        }
    }

    // A series is the metric plus every point and resource attribute (sorted: order on the wire is not identity).
    private static Guid SeriesId(OtlpMetric metric, OtlpAttributes attributes)
    {
        var key = new StringBuilder();
        foreach (var (k, v) in attributes.Concat(metric.Resource.Attributes).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(k).Append('\u001e').Append(v.AsString()).Append('\u001f');
        }

        return EventIdentity.ForKey("otlp-series", metric.Name + "\u001f" + metric.Unit, key.ToString());
    }
}
