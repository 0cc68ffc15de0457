using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>Renders arrays and key-value lists as plain JSON (<c>["a",1]</c>, <c>{"k":"v"}</c>) for attribute bags.</summary>
internal static class OtlpValueJson
{
    public static void Write(OtlpValue value, StringBuilder builder)
    {
        switch (value.Kind)
        {
            case OtlpValueKind.StringValue:
                builder.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value.StringValue!)).Append('"');
                break;
            case OtlpValueKind.BoolValue:
                builder.Append(value.BoolValue ? "true" : "false");
                break;
            case OtlpValueKind.IntValue:
                builder.Append(value.IntValue.ToString(CultureInfo.InvariantCulture));
                break;
            case OtlpValueKind.DoubleValue:
                builder.Append(double.IsFinite(value.DoubleValue) ? value.DoubleValue.ToString("R", CultureInfo.InvariantCulture) : "null");
                break;
            case OtlpValueKind.BytesValue:
                builder.Append('"').Append(value.AsString()).Append('"');
                break;
            case OtlpValueKind.ArrayValue:
                builder.Append('[');
                for (var i = 0; i < value.ArrayValue!.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(value.ArrayValue[i], builder);
                }

                builder.Append(']');
                break;
            case OtlpValueKind.KeyValueListValue:
                builder.Append('{');
                for (var i = 0; i < value.KeyValueListValue!.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    var entry = value.KeyValueListValue[i];
                    builder.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(entry.Key)).Append("\":");
                    Write(entry.Value, builder);
                }

                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
