using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// Reads one protobuf message (proto3 wire format) field by field. Every length and bound is checked before it is
/// used, so a truncated or hostile body ends in an <see cref="OtlpFormatException"/> naming the message and the byte
/// offset of the field, never in an index or overflow exception. A sub-message is read by a new reader one level
/// deeper; beyond <see cref="MaxDepth"/> levels the body is rejected, because an <c>AnyValue</c> can nest arrays
/// without limit and each level is a recursive call.
/// </summary>
internal ref struct ProtoReader
{
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;
    private readonly int _depth;
    private readonly string _message;
    private int _position;
    private int _fieldStart;

    /// <summary>A reader over a whole body holding one <paramref name="message"/>.</summary>
    public ProtoReader(ReadOnlySpan<byte> body, string message)
        : this(body, 0, 0, message)
    {
    }

    private ProtoReader(ReadOnlySpan<byte> data, int start, int depth, string message)
    {
        _data = data;
        _start = start;
        _depth = depth;
        _message = message;
    }

    /// <summary>The field number of the current field.</summary>
    public int Field { get; private set; }

    /// <summary>The wire type of the current field.</summary>
    public ProtoWireType WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        _fieldStart = _position;
        Field = 0;
        var tag = RawVarint();
        var field = tag >> 3;
        if (field == 0 || field > 0x1FFF_FFFF)
        {
            throw Error($"invalid field number {field}");
        }

        Field = (int)field;
        WireType = (ProtoWireType)(tag & 7);
        return WireType switch
        {
            ProtoWireType.Varint or ProtoWireType.Fixed64 or ProtoWireType.LengthDelimited or ProtoWireType.Fixed32 => true,
            ProtoWireType.StartGroup or ProtoWireType.EndGroup => throw Error($"wire type {(int)WireType} (group) is not supported"),
            _ => throw Error($"invalid wire type {(int)WireType}"),
        };
    }

    public ulong ReadVarint()
    {
        Expect(ProtoWireType.Varint);
        return RawVarint();
    }

    /// <summary>int32 and enums: negative values arrive sign-extended to 64 bits, which the cast undoes.</summary>
    public int ReadInt32() => unchecked((int)ReadVarint());

    public uint ReadUInt32() => unchecked((uint)ReadVarint());

    public long ReadInt64() => unchecked((long)ReadVarint());

    public bool ReadBool() => ReadVarint() != 0;

    public ulong ReadFixed64()
    {
        Expect(ProtoWireType.Fixed64);
        return RawFixed64();
    }

    public long ReadSFixed64() => unchecked((long)ReadFixed64());

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public uint ReadFixed32()
    {
        Expect(ProtoWireType.Fixed32);
        if (_data.Length - _position < 4)
        {
            throw Error("truncated fixed32");
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(ProtoWireType.LengthDelimited);
        return RawLengthDelimited(out _);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

    /// <summary>A string field whose values repeat (attribute keys, model names): one shared instance per value.</summary>
    public string ReadSharedString() => OtlpStrings.Get(ReadUtf8());

    /// <summary>Skips a string field the model does not keep, still rejecting invalid UTF-8 as a decoder must.</summary>
    public void SkipString() => ReadUtf8();

    /// <summary>Skips a sub-message field the model does not keep (its contents are not validated).</summary>
    public void SkipMessage()
    {
        Expect(ProtoWireType.LengthDelimited);
        RawLengthDelimited(out _);
    }

    /// <summary>A reader over the current sub-message field, one level deeper.</summary>
    public ProtoReader ReadMessage(string message)
    {
        Expect(ProtoWireType.LengthDelimited);
        var payload = RawLengthDelimited(out var payloadStart);
        if (_depth >= MaxDepth)
        {
            throw Error($"messages nested deeper than {MaxDepth} levels");
        }

        return new ProtoReader(payload, _start + payloadStart, _depth + 1, message);
    }

    /// <summary>Skips one element of a repeated fixed64 or double field, or all of them when packed.</summary>
    public void SkipRepeatedFixed64()
    {
        if (WireType == ProtoWireType.Fixed64)
        {
            RawFixed64();
            return;
        }

        Expect(ProtoWireType.LengthDelimited);
        var packed = RawLengthDelimited(out _);
        if (packed.Length % 8 != 0)
        {
            throw Error($"packed fixed64 field of {packed.Length} bytes (not a multiple of 8)");
        }
    }

    /// <summary>Skips one element of a repeated varint field, or all of them when packed (each one checked).</summary>
    public void SkipRepeatedVarint()
    {
        if (WireType == ProtoWireType.Varint)
        {
            RawVarint();
            return;
        }

        Expect(ProtoWireType.LengthDelimited);
        var packed = new ProtoReader(RawLengthDelimited(out var packedStart), _start + packedStart, _depth, _message) { Field = Field };
        while (packed._position < packed._data.Length)
        {
            packed._fieldStart = packed._position;
            packed.RawVarint();
        }
    }

    /// <summary>Skips the current field, whatever its wire type.</summary>
    public void Skip()
    {
        switch (WireType)
        {
            case ProtoWireType.Varint:
                RawVarint();
                break;
            case ProtoWireType.Fixed64:
                RawFixed64();
                break;
            case ProtoWireType.LengthDelimited:
                RawLengthDelimited(out _);
                break;
            default:
                ReadFixed32();
                break;
        }
    }

    private void Expect(ProtoWireType expected)
    {
        if (WireType != expected)
        {
            throw Error($"wire type {(int)WireType} ({WireType}) where {(int)expected} ({expected}) was expected");
        }
    }

    private ReadOnlySpan<byte> ReadUtf8()
    {
        var bytes = ReadBytes();
        if (!Utf8.IsValid(bytes))
        {
            throw Error("string is not valid UTF-8");
        }

        return bytes;
    }

    private ulong RawVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Error("truncated varint");
            }

            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw Error("varint longer than 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error("varint longer than 64 bits");
    }

    private ulong RawFixed64()
    {
        if (_data.Length - _position < 8)
        {
            throw Error("truncated fixed64");
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    private ReadOnlySpan<byte> RawLengthDelimited(out int payloadStart)
    {
        var length = RawVarint();
        var left = _data.Length - _position;
        if (length > (ulong)left)
        {
            throw Error($"length {length} runs past the end of the {_message} ({left} bytes left)");
        }

        payloadStart = _position;
        _position += (int)length;
        return _data.Slice(payloadStart, (int)length);
    }

    private readonly OtlpFormatException Error(string problem)
    {
        var field = Field > 0 ? $" field {Field}" : "";
        return new OtlpFormatException($"Invalid OTLP protobuf: {_message}{field}: {problem} at byte {_start + _fieldStart}.");
    }
}
