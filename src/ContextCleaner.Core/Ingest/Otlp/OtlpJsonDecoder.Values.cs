using System.Text.Json;

namespace ContextCleaner.Core.Ingest.Otlp;

public static partial class OtlpJsonDecoder
{
    /// <summary>The <c>attributes</c> of a resource object, the reader on its start (the rest of it is not kept).</summary>
    private static OtlpAttributes ReadAttributesOf(ref Utf8JsonReader reader, string owner)
    {
        var attributes = OtlpAttributes.None;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            if (buffer[..PropertyName(ref reader, buffer)] is "attributes")
            {
                attributes = ReadAttributes(ref reader, owner + ".attributes");
            }
            else
            {
                reader.Skip();
            }
        }

        return attributes;
    }

    private static OtlpScope ReadScope(ref Utf8JsonReader reader)
    {
        string? name = null, version = null;
        var attributes = OtlpAttributes.None;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "name": name = ReadString(ref reader, "scope.name"); break;
                case "version": version = ReadString(ref reader, "scope.version"); break;
                case "attributes": attributes = ReadAttributes(ref reader, "scope.attributes"); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpScope(OtlpExportBuilder.Text(name), OtlpExportBuilder.Text(version), attributes);
    }

    /// <summary>An array of <c>KeyValue</c>, the reader on its property name.</summary>
    private static OtlpAttributes ReadAttributes(ref Utf8JsonReader reader, string field)
    {
        List<OtlpKeyValue>? attributes = null;
        if (ReadArray(ref reader, field))
        {
            while (NextObject(ref reader, field))
            {
                (attributes ??= []).Add(ReadKeyValue(ref reader));
            }
        }

        return OtlpExportBuilder.Attributes(attributes);
    }

    private static OtlpKeyValue ReadKeyValue(ref Utf8JsonReader reader)
    {
        string? key = null;
        var value = OtlpValue.Empty;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "key": key = ReadSharedString(ref reader, "key"); break;
                case "value": value = ReadObject(ref reader, "value") ? ReadAnyValue(ref reader, key is not null && OtlpStrings.IsRepeatedValue(key)) : OtlpValue.Empty; break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpKeyValue(key ?? "", value);
    }

    /// <summary>An <c>AnyValue</c> object, the reader on its start; <c>{}</c> is the empty value.</summary>
    private static OtlpValue ReadAnyValue(ref Utf8JsonReader reader, bool shared = false)
    {
        // A oneof: several members in one object (malformed) leave the last one, as in the protobuf decoder.
        var value = OtlpValue.Empty;
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            switch (buffer[..PropertyName(ref reader, buffer)])
            {
                case "stringValue":
                    value = (shared ? ReadSharedString(ref reader, "stringValue") : ReadString(ref reader, "stringValue")) is { } text
                        ? OtlpValue.FromString(text)
                        : value;
                    break;
                case "boolValue":
                    value = HasValue(ref reader) ? OtlpValue.FromBool(BoolAt(ref reader, "boolValue")) : value;
                    break;
                case "intValue":
                    value = HasValue(ref reader) ? OtlpValue.FromInt(IntegerAt<long>(ref reader, "intValue")) : value;
                    break;
                case "doubleValue":
                    value = HasValue(ref reader) ? OtlpValue.FromDouble(DoubleAt(ref reader, "doubleValue")) : value;
                    break;
                case "arrayValue":
                    value = ReadObject(ref reader, "arrayValue") ? OtlpValue.FromArray(ReadArrayValue(ref reader)) : value;
                    break;
                case "kvlistValue":
                    value = ReadObject(ref reader, "kvlistValue") ? OtlpValue.FromKeyValueList(ReadKeyValueList(ref reader)) : value;
                    break;
                case "bytesValue":
                    value = HasValue(ref reader) ? OtlpValue.FromBytes(BytesAt(ref reader, "bytesValue")) : value;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return value;
    }

    private static List<OtlpValue> ReadArrayValue(ref Utf8JsonReader reader)
    {
        var values = new List<OtlpValue>();
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            if (buffer[..PropertyName(ref reader, buffer)] is not "values" || !ReadArray(ref reader, "arrayValue.values"))
            {
                reader.Skip();
                continue;
            }

            while (NextObject(ref reader, "arrayValue.values"))
            {
                values.Add(ReadAnyValue(ref reader));
            }
        }

        return values;
    }

    private static List<OtlpKeyValue> ReadKeyValueList(ref Utf8JsonReader reader)
    {
        var values = new List<OtlpKeyValue>();
        Span<char> buffer = stackalloc char[NameBufferLength];
        while (NextProperty(ref reader))
        {
            if (buffer[..PropertyName(ref reader, buffer)] is not "values" || !ReadArray(ref reader, "kvlistValue.values"))
            {
                reader.Skip();
                continue;
            }

            while (NextObject(ref reader, "kvlistValue.values"))
            {
                values.Add(ReadKeyValue(ref reader));
            }
        }

        return values;
    }
}
