using ContextCleaner.Core.Ingest.Otlp;
using FsCheck;
using FsCheck.Fluent;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>Truncated, malformed, hostile and random bodies: decoded or one OtlpFormatException, never anything else.</summary>
public sealed partial class OtlpProtobufDecoderTests
{
    [Fact]
    public void Decode_EveryPrefixOfARealBody_DecodesOrThrowsOtlpFormatException()
    {
        var body = OtlpFixtures.Read(S20Traces);
        var decoded = 0;

        for (var length = 0; length <= body.Length; length++)
        {
            try
            {
                OtlpProtobufDecoder.Decode(OtlpSignal.Traces, body.AsSpan(0, length));
                decoded++;
            }
            catch (OtlpFormatException e)
            {
                e.Message.ShouldContain(" at byte ");
                e.Message.ShouldNotContain('\n');
            }
        }

        // The body is one ResourceSpans field: only the empty prefix and the whole body end on a field boundary.
        decoded.ShouldBe(2);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x0A, 0x01 }, "ExportLogsServiceRequest field 1: length 5 runs past the end of the ExportLogsServiceRequest (2 bytes left) at byte 0")]
    [InlineData(new byte[] { 0x0A, 0x02, 0x12, 0x05 }, "ResourceLogs field 2: length 5 runs past the end of the ResourceLogs (0 bytes left) at byte 2")]
    [InlineData(new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, "ExportLogsServiceRequest field 1: length 4294967295 runs past the end of the ExportLogsServiceRequest (0 bytes left) at byte 0")]
    [InlineData(new byte[] { 0x0B }, "ExportLogsServiceRequest field 1: wire type 3 (group) is not supported at byte 0")]
    [InlineData(new byte[] { 0x0C }, "ExportLogsServiceRequest field 1: wire type 4 (group) is not supported at byte 0")]
    [InlineData(new byte[] { 0x0E }, "ExportLogsServiceRequest field 1: invalid wire type 6 at byte 0")]
    [InlineData(new byte[] { 0x0F }, "ExportLogsServiceRequest field 1: invalid wire type 7 at byte 0")]
    [InlineData(new byte[] { 0x02, 0x00 }, "ExportLogsServiceRequest: invalid field number 0 at byte 0")]
    [InlineData(new byte[] { 0x10, 0x80 }, "ExportLogsServiceRequest field 2: truncated varint at byte 0")]
    [InlineData(new byte[] { 0x80 }, "ExportLogsServiceRequest: truncated varint at byte 0")]
    [InlineData(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, "ExportLogsServiceRequest field 2: varint longer than 64 bits at byte 0")]
    [InlineData(new byte[] { 0x19, 1, 2, 3 }, "ExportLogsServiceRequest field 3: truncated fixed64 at byte 0")]
    [InlineData(new byte[] { 0x25, 1, 2, 3 }, "ExportLogsServiceRequest field 4: truncated fixed32 at byte 0")]
    [InlineData(new byte[] { 0x08, 0x01 }, "ExportLogsServiceRequest field 1: wire type 0 (Varint) where 2 (LengthDelimited) was expected at byte 0")]
    [InlineData(new byte[] { 0x0A, 0x04, 0x12, 0x02, 0x12, 0x05 }, "ScopeLogs field 2: length 5 runs past the end of the ScopeLogs (0 bytes left) at byte 4")]
    public void Decode_MalformedBody_ThrowsNamingMessageFieldAndOffset(byte[] body, string problem)
    {
        ShouldFail(OtlpSignal.Logs, body).ShouldBe($"Invalid OTLP protobuf: {problem}.");
    }

    [Fact]
    public void Decode_KnownFieldWithWrongWireType_Throws()
    {
        var body = LogsRequest(r => r.Varint(1, 5));      // time_unix_nano is fixed64

        ShouldFail(OtlpSignal.Logs, body).ShouldMatch(@"^Invalid OTLP protobuf: LogRecord field 1: wire type 0 \(Varint\) where 1 \(Fixed64\) was expected at byte \d+\.$");
    }

    [Fact]
    public void Decode_InvalidUtf8InAString_Throws()
    {
        var body = LogsRequest(r => r.Message(6, kv => kv.Bytes(1, [0x61, 0xC3, 0x28])));    // 0xC3 0x28: a broken 2-byte sequence

        ShouldFail(OtlpSignal.Logs, body).ShouldMatch(@"^Invalid OTLP protobuf: KeyValue field 1: string is not valid UTF-8 at byte \d+\.$");
    }

    [Fact]
    public void Decode_PackedFixed64NotAMultipleOfEight_Throws()
    {
        var body = ProtoWriter.Build(w => w.Message(1, rm => rm.Message(2, sm => sm.Message(2, m => m
            .Message(9, h => h.Message(1, p => p.Bytes(6, [1, 2, 3]))))))).ToArray();

        ShouldFail(OtlpSignal.Metrics, body).ShouldContain("HistogramDataPoint field 6: packed fixed64 field of 3 bytes");
    }

    [Fact]
    public void Decode_TenThousandNestedArrays_ThrowsInsteadOfOverflowingTheStack()
    {
        var value = NestedArrays(10_000);
        var body = LogsRequest(r => r.Message(6, kv => kv.String(1, "deep").Bytes(2, value)));

        ShouldFail(OtlpSignal.Logs, body).ShouldContain("messages nested deeper than 64 levels");
    }

    [Fact]
    public void Decode_NestingWithinTheLimit_IsRead()
    {
        // At most 64 levels below the request: 5 of the envelope down to an attribute value, then 2 per nested array,
        // so 29 arrays reach level 63 and 30 would need 65.
        var body = LogsRequest(r => r.Message(6, kv => kv.String(1, "deep").Bytes(2, NestedArrays(29))));

        OtlpProtobufDecoder.Decode(OtlpSignal.Logs, body).Logs.Single().Attributes.GetString("deep").ShouldBe(new string('[', 29) + "\"leaf\"" + new string(']', 29));
        Should.Throw<OtlpFormatException>(() => OtlpProtobufDecoder.Decode(OtlpSignal.Logs, LogsRequest(r => r.Message(6, kv => kv.String(1, "deep").Bytes(2, NestedArrays(30))))));
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public void Decode_ArbitraryBytes_ReturnsOrThrowsOtlpFormatException(byte[] bytes)
    {
        foreach (var signal in Enum.GetValues<OtlpSignal>())
        {
            DecodesOrFails(signal, bytes).ShouldBeTrue();
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Decode_RealBodyWithOneByteChanged_ReturnsOrThrowsOtlpFormatException()
    {
        var body = OtlpFixtures.Read(S20Logs);
        var edits =
            from position in Gen.Choose(0, body.Length - 1)
            from value in Gen.Choose(0, 255)
            select (Position: position, Value: (byte)value);

        return Prop.ForAll(edits.ToArbitrary(), edit =>
        {
            var copy = (byte[])body.Clone();
            copy[edit.Position] = edit.Value;
            return DecodesOrFails(OtlpSignal.Logs, copy);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Decode_SoupOfWellFormedFields_ReturnsOrThrowsOtlpFormatException()
    {
        // Random sequences of well-formed fields, nested a few levels: they get past the framing into every message
        // reader, where random bytes mostly stop at the first tag.
        var field = Gen.OneOf(
            Gen.Choose(1, 16).Select(n => ProtoWriter.Build(w => w.Varint(n, (ulong)n * 37)).ToArray()),
            Gen.Choose(1, 16).Select(n => ProtoWriter.Build(w => w.Fixed64(n, (ulong)n)).ToArray()),
            Gen.Choose(1, 16).Select(n => ProtoWriter.Build(w => w.Fixed32(n, (uint)n)).ToArray()),
            Gen.Choose(1, 16).Select(n => ProtoWriter.Build(w => w.String(n, "claude")).ToArray()));
        var level1 = from number in Gen.Choose(1, 12) from parts in Gen.ArrayOf(field) select ProtoWriter.Build(w => w.Bytes(number, [.. parts.SelectMany(p => p)])).ToArray();
        var level2 = from number in Gen.Choose(1, 12) from parts in Gen.ArrayOf(Gen.OneOf(field, level1)) select ProtoWriter.Build(w => w.Bytes(number, [.. parts.SelectMany(p => p)])).ToArray();
        var level3 = from number in Gen.Choose(1, 3) from parts in Gen.ArrayOf(Gen.OneOf(level1, level2)) select ProtoWriter.Build(w => w.Bytes(number, [.. parts.SelectMany(p => p)])).ToArray();
        var body = from parts in Gen.ArrayOf(level3) select parts.SelectMany(p => p).ToArray();

        return Prop.ForAll(body.ToArbitrary(), bytes => Enum.GetValues<OtlpSignal>().All(signal => DecodesOrFails(signal, bytes)));
    }

    /// <summary><paramref name="depth"/> AnyValues, each holding an ArrayValue with the next one, around a string.</summary>
    private static byte[] NestedArrays(int depth)
    {
        // Built inside out as headers (tag + length) around one leaf: re-copying the growing value at each of
        // 10,000 levels would take seconds.
        var leaf = ProtoWriter.Build(w => w.String(1, "leaf")).ToArray();
        var headers = new List<byte[]>();
        var length = leaf.Length;
        for (var i = 0; i < depth; i++)
        {
            foreach (var tag in new byte[] { 0x0A, 0x2A })     // ArrayValue.values (1), then AnyValue.array_value (5)
            {
                var header = ProtoWriter.Build(w => w.Raw([tag]).RawVarint((ulong)length)).ToArray();
                headers.Add(header);
                length += header.Length;
            }
        }

        headers.Reverse();
        return [.. headers.SelectMany(h => h), .. leaf];
    }

    private static bool DecodesOrFails(OtlpSignal signal, byte[] body)
    {
        try
        {
            OtlpProtobufDecoder.Decode(signal, body);
            return true;
        }
        catch (OtlpFormatException e)
        {
            return e.Message.Contains(" at byte ", StringComparison.Ordinal) && !e.Message.Contains('\n', StringComparison.Ordinal);
        }
    }

    private static string ShouldFail(OtlpSignal signal, byte[] body)
    {
        var e = Should.Throw<OtlpFormatException>(() => OtlpProtobufDecoder.Decode(signal, body));
        e.Message.ShouldNotContain('\n');
        return e.Message;
    }
}
