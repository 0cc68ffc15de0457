using System.Buffers.Binary;
using System.Text;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>Writes protobuf wire format field by field, to build bodies the fixtures do not cover (and broken ones).</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    public static ProtoWriter Build(Action<ProtoWriter> build)
    {
        var writer = new ProtoWriter();
        build(writer);
        return writer;
    }

    public ProtoWriter Tag(int field, int wireType) => RawVarint(((ulong)field << 3) | (uint)wireType);

    public ProtoWriter Varint(int field, ulong value) => Tag(field, 0).RawVarint(value);

    public ProtoWriter Fixed64(int field, ulong value) => Tag(field, 1).RawFixed64(value);

    public ProtoWriter Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    public ProtoWriter Fixed32(int field, uint value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value) => Tag(field, 2).RawVarint((ulong)value.Length).Raw(value);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, Action<ProtoWriter> build) => Bytes(field, Build(build).ToArray());

    public ProtoWriter RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
        return this;
    }

    public ProtoWriter RawFixed64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public ProtoWriter Raw(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Add(b);
        }

        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
