namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>The protobuf wire types (the low three bits of a field tag).</summary>
internal enum ProtoWireType
{
    /// <summary>int32, int64, uint32, uint64, sint32, sint64, bool, enum.</summary>
    Varint = 0,

    /// <summary>fixed64, sfixed64, double: 8 bytes little-endian.</summary>
    Fixed64 = 1,

    /// <summary>string, bytes, sub-messages, packed repeated scalars: a varint length, then that many bytes.</summary>
    LengthDelimited = 2,

    /// <summary>Deprecated proto2 group start; never used by OTLP.</summary>
    StartGroup = 3,

    /// <summary>Deprecated proto2 group end; never used by OTLP.</summary>
    EndGroup = 4,

    /// <summary>fixed32, sfixed32, float: 4 bytes little-endian.</summary>
    Fixed32 = 5,
}
