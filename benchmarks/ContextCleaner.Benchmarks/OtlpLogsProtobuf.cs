using System.Buffers.Binary;
using System.Text;
using ContextCleaner.Core.Ingest.Otlp;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// Encodes decoded OTLP logs back to protobuf (ExportLogsServiceRequest, field numbers of telemetry-formats.md §5.4),
/// so the receiver benchmark can post the same records in both encodings Claude Code offers.
/// </summary>
internal static class OtlpLogsProtobuf
{
    public static byte[] Encode(OtlpExport export)
    {
        var request = new MemoryStream();
        foreach (var resourceGroup in export.Logs.GroupBy(r => r.Resource))
        {
            var resourceLogs = new MemoryStream();
            Message(resourceLogs, 1, w => Attributes(w, 1, resourceGroup.Key.Attributes));
            foreach (var scopeGroup in resourceGroup.GroupBy(r => r.Scope))
            {
                Message(resourceLogs, 2, scopeLogs =>
                {
                    Message(scopeLogs, 1, scope => String(scope, 1, scopeGroup.Key.Name ?? ""));
                    foreach (var record in scopeGroup)
                    {
                        Message(scopeLogs, 2, r =>
                        {
                            Fixed64(r, 1, record.TimeUnixNano);
                            Message(r, 5, body => Value(body, record.Body));
                            Attributes(r, 6, record.Attributes);
                            Fixed64(r, 11, record.ObservedTimeUnixNano);
                        });
                    }
                });
            }

            Bytes(request, 1, resourceLogs.ToArray());
        }

        return request.ToArray();
    }

    private static void Attributes(Stream stream, int field, OtlpAttributes attributes)
    {
        foreach (var (key, value) in attributes)
        {
            Message(stream, field, kv =>
            {
                String(kv, 1, key);
                Message(kv, 2, any => Value(any, value));
            });
        }
    }

    private static void Value(Stream stream, OtlpValue value)
    {
        switch (value.Kind)
        {
            case OtlpValueKind.StringValue: String(stream, 1, value.StringValue!); break;
            case OtlpValueKind.BoolValue: Varint(stream, 2, value.BoolValue ? 1UL : 0UL); break;
            case OtlpValueKind.IntValue: Varint(stream, 3, (ulong)value.IntValue); break;
            case OtlpValueKind.DoubleValue: Fixed64(stream, 4, BitConverter.DoubleToUInt64Bits(value.DoubleValue)); break;
            default: break;
        }
    }

    private static void Message(Stream stream, int field, Action<Stream> write)
    {
        using var inner = new MemoryStream();
        write(inner);
        Bytes(stream, field, inner.ToArray());
    }

    private static void String(Stream stream, int field, string value) => Bytes(stream, field, Encoding.UTF8.GetBytes(value));

    private static void Bytes(Stream stream, int field, byte[] value)
    {
        RawVarint(stream, ((ulong)field << 3) | 2);
        RawVarint(stream, (ulong)value.Length);
        stream.Write(value);
    }

    private static void Varint(Stream stream, int field, ulong value)
    {
        RawVarint(stream, (ulong)field << 3);
        RawVarint(stream, value);
    }

    private static void Fixed64(Stream stream, int field, ulong value)
    {
        RawVarint(stream, ((ulong)field << 3) | 1);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void RawVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
