using System.Text.Json;

namespace ContextCleaner.Core.Ingest.Otlp;

public static partial class OtlpJsonDecoder
{
    private static OtlpMetric ReadMetric(ref Utf8JsonReader reader, OtlpResource resource, OtlpScope scope)
    {
        string? name = null, description = null, unit = null;
        var type = OtlpMetricType.None;
        (List<OtlpDataPoint> Points, OtlpTemporality Temporality, bool IsMonotonic) data = ([], OtlpTemporality.Unspecified, false);
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "name": name = ReadString(ref reader, "name"); break;
                case "description": description = ReadString(ref reader, "description"); break;
                case "unit": unit = ReadString(ref reader, "unit"); break;
                case "gauge": ReadDataMember(ref reader, OtlpMetricType.Gauge, ref type, ref data); break;
                case "sum": ReadDataMember(ref reader, OtlpMetricType.Sum, ref type, ref data); break;
                case "histogram": ReadDataMember(ref reader, OtlpMetricType.Histogram, ref type, ref data); break;
                case "exponentialHistogram": ReadDataMember(ref reader, OtlpMetricType.ExponentialHistogram, ref type, ref data); break;
                case "summary": ReadDataMember(ref reader, OtlpMetricType.Summary, ref type, ref data); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpMetric(
            resource, scope, name ?? "", OtlpExportBuilder.Text(description), OtlpExportBuilder.Text(unit), type, data.Temporality,
            data.IsMonotonic, data.Points);
    }

    /// <summary>One member of the <c>data</c> oneof: null is absent, a second member replaces the first (as in protobuf).</summary>
    private static void ReadDataMember(
        ref Utf8JsonReader reader, OtlpMetricType member, ref OtlpMetricType type, ref (List<OtlpDataPoint> Points, OtlpTemporality Temporality, bool IsMonotonic) data)
    {
        if (ReadObject(ref reader, member.ToString()))
        {
            type = member;
            data = ReadMetricData(ref reader, member);
        }
    }

    private static (List<OtlpDataPoint> Points, OtlpTemporality Temporality, bool IsMonotonic) ReadMetricData(ref Utf8JsonReader reader, OtlpMetricType type)
    {
        var points = new List<OtlpDataPoint>();
        var temporality = OtlpTemporality.Unspecified;
        var monotonic = false;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "dataPoints":
                    if (ReadArray(ref reader, "dataPoints"))
                    {
                        while (NextObject(ref reader, "dataPoints"))
                        {
                            points.Add(ReadDataPoint(ref reader, type));
                        }
                    }

                    break;
                case "aggregationTemporality" when type is not (OtlpMetricType.Gauge or OtlpMetricType.Summary):
                    temporality = (OtlpTemporality)ReadInteger<int>(ref reader, "aggregationTemporality");
                    break;
                case "isMonotonic" when type == OtlpMetricType.Sum:
                    monotonic = ReadBool(ref reader, "isMonotonic");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (points, temporality, monotonic);
    }

    /// <summary>
    /// Any of the four data point messages: numbers carry <c>asDouble</c>/<c>asInt</c>, histograms and summaries
    /// <c>count</c> and <c>sum</c>; buckets, quantiles and exemplars are not kept.
    /// </summary>
    private static OtlpDataPoint ReadDataPoint(ref Utf8JsonReader reader, OtlpMetricType type)
    {
        var isNumber = type is OtlpMetricType.Gauge or OtlpMetricType.Sum;
        ulong start = 0, time = 0, count = 0;
        double value = 0;
        uint flags = 0;
        var attributes = OtlpAttributes.None;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "startTimeUnixNano": start = ReadInteger<ulong>(ref reader, "startTimeUnixNano"); break;
                case "timeUnixNano": time = ReadInteger<ulong>(ref reader, "timeUnixNano"); break;
                case "attributes": attributes = ReadAttributes(ref reader, "dataPoints.attributes"); break;
                case "flags": flags = ReadInteger<uint>(ref reader, "flags"); break;
                case "asDouble" when isNumber: value = HasValue(ref reader) ? DoubleAt(ref reader, "asDouble") : value; break;
                case "asInt" when isNumber: value = HasValue(ref reader) ? IntegerAt<long>(ref reader, "asInt") : value; break;
                case "sum" when !isNumber: value = ReadDouble(ref reader, "sum"); break;
                case "count" when !isNumber: count = ReadInteger<ulong>(ref reader, "count"); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpDataPoint(start, time, value, isNumber ? null : count, attributes, flags);
    }
}
