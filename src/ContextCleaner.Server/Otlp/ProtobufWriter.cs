using System.Buffers;
using System.Text;

namespace ContextCleaner.Server.Otlp;

/// <summary>The few protobuf writes the OTLP answers need: varint and length-delimited fields.</summary>
internal sealed class ProtobufWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _buffer.Write<byte>(value);
    }

    private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Write<byte>([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _buffer.Write<byte>([(byte)value]);
    }
}
