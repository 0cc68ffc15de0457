namespace ContextCleaner.Core.Ingest.Otlp;

// Field numbers: opentelemetry-proto common/v1/common.proto and resource/v1/resource.proto.
public static partial class OtlpProtobufDecoder
{
    private static OtlpAttributes ReadResourceAttributes(ProtoReader resource)
    {
        List<OtlpKeyValue>? attributes = null;
        while (resource.Next())
        {
            switch (resource.Field)
            {
                case 1: (attributes ??= []).Add(ReadKeyValue(resource.ReadMessage("KeyValue"))); break;
                case 2: resource.ReadVarint(); break;       // dropped_attributes_count
                case 3: resource.SkipMessage(); break;      // entity_refs
                default: resource.Skip(); break;
            }
        }

        return OtlpExportBuilder.Attributes(attributes);
    }

    private static OtlpScope ReadScope(ProtoReader scope)
    {
        string? name = null, version = null;
        List<OtlpKeyValue>? attributes = null;
        while (scope.Next())
        {
            switch (scope.Field)
            {
                case 1: name = scope.ReadString(); break;
                case 2: version = scope.ReadString(); break;
                case 3: (attributes ??= []).Add(ReadKeyValue(scope.ReadMessage("KeyValue"))); break;
                case 4: scope.ReadVarint(); break;          // dropped_attributes_count
                default: scope.Skip(); break;
            }
        }

        return new OtlpScope(OtlpExportBuilder.Text(name), OtlpExportBuilder.Text(version), OtlpExportBuilder.Attributes(attributes));
    }

    private static OtlpKeyValue ReadKeyValue(ProtoReader keyValue)
    {
        var key = "";
        var value = OtlpValue.Empty;
        while (keyValue.Next())
        {
            switch (keyValue.Field)
            {
                case 1: key = keyValue.ReadSharedString(); break;
                case 2: value = ReadAnyValue(keyValue.ReadMessage("AnyValue"), OtlpStrings.IsRepeatedValue(key)); break;
                case 3: keyValue.ReadVarint(); break;       // key_strindex (profiles)
                default: keyValue.Skip(); break;
            }
        }

        return new OtlpKeyValue(key, value);
    }

    private static OtlpValue ReadAnyValue(ProtoReader any, bool shared = false)
    {
        // A oneof: when a (malformed) message sets several members, the last one wins, as in every protobuf library.
        var value = OtlpValue.Empty;
        while (any.Next())
        {
            switch (any.Field)
            {
                case 1: value = OtlpValue.FromString(shared ? any.ReadSharedString() : any.ReadString()); break;
                case 2: value = OtlpValue.FromBool(any.ReadBool()); break;
                case 3: value = OtlpValue.FromInt(any.ReadInt64()); break;
                case 4: value = OtlpValue.FromDouble(any.ReadDouble()); break;
                case 5: value = OtlpValue.FromArray(ReadArrayValue(any.ReadMessage("ArrayValue"))); break;
                case 6: value = OtlpValue.FromKeyValueList(ReadKeyValueList(any.ReadMessage("KeyValueList"))); break;
                case 7: value = OtlpValue.FromBytes(any.ReadBytes().ToArray()); break;
                case 8: any.ReadVarint(); break;            // string_value_strindex (profiles)
                default: any.Skip(); break;
            }
        }

        return value;
    }

    private static List<OtlpValue> ReadArrayValue(ProtoReader array)
    {
        var values = new List<OtlpValue>();
        while (array.Next())
        {
            if (array.Field == 1)
            {
                values.Add(ReadAnyValue(array.ReadMessage("AnyValue")));
            }
            else
            {
                array.Skip();
            }
        }

        return values;
    }

    private static List<OtlpKeyValue> ReadKeyValueList(ProtoReader list)
    {
        var values = new List<OtlpKeyValue>();
        while (list.Next())
        {
            if (list.Field == 1)
            {
                values.Add(ReadKeyValue(list.ReadMessage("KeyValue")));
            }
            else
            {
                list.Skip();
            }
        }

        return values;
    }
}
