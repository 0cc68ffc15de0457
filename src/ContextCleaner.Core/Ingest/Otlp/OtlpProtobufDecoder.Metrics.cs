namespace ContextCleaner.Core.Ingest.Otlp;

// Field numbers: opentelemetry-proto metrics/v1/metrics.proto.
public static partial class OtlpProtobufDecoder
{
    private static OtlpMetric ReadMetric(ProtoReader metric, OtlpResource resource, OtlpScope scope)
    {
        string? name = null, description = null, unit = null;
        var type = OtlpMetricType.None;
        (List<OtlpDataPoint> Points, OtlpTemporality Temporality, bool IsMonotonic) data = ([], OtlpTemporality.Unspecified, false);
        while (metric.Next())
        {
            switch (metric.Field)
            {
                case 1: name = metric.ReadString(); break;
                case 2: description = metric.ReadString(); break;
                case 3: unit = metric.ReadString(); break;
                case 5: data = ReadMetricData(metric.ReadMessage("Gauge"), type = OtlpMetricType.Gauge); break;
                case 7: data = ReadMetricData(metric.ReadMessage("Sum"), type = OtlpMetricType.Sum); break;
                case 9: data = ReadMetricData(metric.ReadMessage("Histogram"), type = OtlpMetricType.Histogram); break;
                case 10: data = ReadMetricData(metric.ReadMessage("ExponentialHistogram"), type = OtlpMetricType.ExponentialHistogram); break;
                case 11: data = ReadMetricData(metric.ReadMessage("Summary"), type = OtlpMetricType.Summary); break;
                case 12: metric.SkipMessage(); break;       // metadata
                default: metric.Skip(); break;
            }
        }

        return new OtlpMetric(
            resource, scope, name ?? "", OtlpExportBuilder.Text(description), OtlpExportBuilder.Text(unit), type, data.Temporality,
            data.IsMonotonic, data.Points);
    }

    private static (List<OtlpDataPoint> Points, OtlpTemporality Temporality, bool IsMonotonic) ReadMetricData(ProtoReader data, OtlpMetricType type)
    {
        var points = new List<OtlpDataPoint>();
        var temporality = OtlpTemporality.Unspecified;
        var monotonic = false;
        while (data.Next())
        {
            switch (data.Field)
            {
                case 1:
                    points.Add(type switch
                    {
                        OtlpMetricType.Gauge or OtlpMetricType.Sum => ReadNumberPoint(data.ReadMessage("NumberDataPoint")),
                        OtlpMetricType.Histogram => ReadHistogramPoint(data.ReadMessage("HistogramDataPoint")),
                        OtlpMetricType.ExponentialHistogram => ReadExponentialHistogramPoint(data.ReadMessage("ExponentialHistogramDataPoint")),
                        _ => ReadSummaryPoint(data.ReadMessage("SummaryDataPoint")),
                    });
                    break;
                case 2 when type is not (OtlpMetricType.Gauge or OtlpMetricType.Summary):
                    temporality = (OtlpTemporality)data.ReadInt32();
                    break;
                case 3 when type == OtlpMetricType.Sum:
                    monotonic = data.ReadBool();
                    break;
                default:
                    data.Skip();
                    break;
            }
        }

        return (points, temporality, monotonic);
    }

    private static OtlpDataPoint ReadNumberPoint(ProtoReader point)
    {
        ulong start = 0, time = 0;
        double value = 0;
        uint flags = 0;
        List<OtlpKeyValue>? attributes = null;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 2: start = point.ReadFixed64(); break;
                case 3: time = point.ReadFixed64(); break;
                case 4: value = point.ReadDouble(); break;
                case 5: point.SkipMessage(); break;         // exemplars
                case 6: value = point.ReadSFixed64(); break;
                case 7: (attributes ??= []).Add(ReadKeyValue(point.ReadMessage("KeyValue"))); break;
                case 8: flags = point.ReadUInt32(); break;
                default: point.Skip(); break;
            }
        }

        return new OtlpDataPoint(start, time, value, null, OtlpExportBuilder.Attributes(attributes), flags);
    }

    private static OtlpDataPoint ReadHistogramPoint(ProtoReader point)
    {
        ulong start = 0, time = 0, count = 0;
        double sum = 0;
        uint flags = 0;
        List<OtlpKeyValue>? attributes = null;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 2: start = point.ReadFixed64(); break;
                case 3: time = point.ReadFixed64(); break;
                case 4: count = point.ReadFixed64(); break;
                case 5: sum = point.ReadDouble(); break;
                case 6: point.SkipRepeatedFixed64(); break; // bucket_counts
                case 7: point.SkipRepeatedFixed64(); break; // explicit_bounds (doubles)
                case 8: point.SkipMessage(); break;         // exemplars
                case 9: (attributes ??= []).Add(ReadKeyValue(point.ReadMessage("KeyValue"))); break;
                case 10: flags = point.ReadUInt32(); break;
                case 11 or 12: point.ReadDouble(); break;   // min, max
                default: point.Skip(); break;
            }
        }

        return new OtlpDataPoint(start, time, sum, count, OtlpExportBuilder.Attributes(attributes), flags);
    }

    private static OtlpDataPoint ReadExponentialHistogramPoint(ProtoReader point)
    {
        ulong start = 0, time = 0, count = 0;
        double sum = 0;
        uint flags = 0;
        List<OtlpKeyValue>? attributes = null;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 1: (attributes ??= []).Add(ReadKeyValue(point.ReadMessage("KeyValue"))); break;
                case 2: start = point.ReadFixed64(); break;
                case 3: time = point.ReadFixed64(); break;
                case 4: count = point.ReadFixed64(); break;
                case 5: sum = point.ReadDouble(); break;
                case 6: point.ReadVarint(); break;          // scale (sint32)
                case 7: point.ReadFixed64(); break;         // zero_count
                case 8 or 9: SkipBuckets(point.ReadMessage("Buckets")); break;
                case 10: flags = point.ReadUInt32(); break;
                case 11: point.SkipMessage(); break;        // exemplars
                case 12 or 13 or 14: point.ReadDouble(); break; // min, max, zero_threshold
                default: point.Skip(); break;
            }
        }

        return new OtlpDataPoint(start, time, sum, count, OtlpExportBuilder.Attributes(attributes), flags);
    }

    private static void SkipBuckets(ProtoReader buckets)
    {
        while (buckets.Next())
        {
            switch (buckets.Field)
            {
                case 1: buckets.ReadVarint(); break;        // offset (sint32)
                case 2: buckets.SkipRepeatedVarint(); break; // bucket_counts (uint64)
                default: buckets.Skip(); break;
            }
        }
    }

    private static OtlpDataPoint ReadSummaryPoint(ProtoReader point)
    {
        ulong start = 0, time = 0, count = 0;
        double sum = 0;
        uint flags = 0;
        List<OtlpKeyValue>? attributes = null;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 2: start = point.ReadFixed64(); break;
                case 3: time = point.ReadFixed64(); break;
                case 4: count = point.ReadFixed64(); break;
                case 5: sum = point.ReadDouble(); break;
                case 6: point.SkipMessage(); break;         // quantile_values
                case 7: (attributes ??= []).Add(ReadKeyValue(point.ReadMessage("KeyValue"))); break;
                case 8: flags = point.ReadUInt32(); break;
                default: point.Skip(); break;
            }
        }

        return new OtlpDataPoint(start, time, sum, count, OtlpExportBuilder.Attributes(attributes), flags);
    }
}
