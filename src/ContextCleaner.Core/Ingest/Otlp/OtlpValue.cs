using System.Globalization;
using System.Text;

namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>
/// An OTLP <c>AnyValue</c>. Claude Code sends the same key as a string in one event and a number in another
/// (<c>"45"</c> next to <c>45</c>, <c>"true"</c> next to <c>true</c>), so the readers convert leniently and return
/// null only when the value cannot mean what was asked.
/// </summary>
public sealed class OtlpValue
{
    private OtlpValue(OtlpValueKind kind) => Kind = kind;

    /// <summary>The empty value.</summary>
    public static OtlpValue Empty { get; } = new(OtlpValueKind.Empty);

    /// <summary>Which member is set.</summary>
    public OtlpValueKind Kind { get; }

    /// <summary>The string, when <see cref="Kind"/> is <see cref="OtlpValueKind.StringValue"/>.</summary>
    public string? StringValue { get; private init; }

    /// <summary>The bool, when <see cref="Kind"/> is <see cref="OtlpValueKind.BoolValue"/>.</summary>
    public bool BoolValue { get; private init; }

    /// <summary>The integer, when <see cref="Kind"/> is <see cref="OtlpValueKind.IntValue"/>.</summary>
    public long IntValue { get; private init; }

    /// <summary>The double, when <see cref="Kind"/> is <see cref="OtlpValueKind.DoubleValue"/>.</summary>
    public double DoubleValue { get; private init; }

    /// <summary>The elements, when <see cref="Kind"/> is <see cref="OtlpValueKind.ArrayValue"/>.</summary>
    public IReadOnlyList<OtlpValue>? ArrayValue { get; private init; }

    /// <summary>The entries, when <see cref="Kind"/> is <see cref="OtlpValueKind.KeyValueListValue"/>.</summary>
    public IReadOnlyList<OtlpKeyValue>? KeyValueListValue { get; private init; }

    /// <summary>The bytes, when <see cref="Kind"/> is <see cref="OtlpValueKind.BytesValue"/>.</summary>
    public IReadOnlyList<byte>? BytesValue { get; private init; }

    /// <summary>A string value.</summary>
    public static OtlpValue FromString(string value) => new(OtlpValueKind.StringValue) { StringValue = value };

    /// <summary>A bool value.</summary>
    public static OtlpValue FromBool(bool value) => new(OtlpValueKind.BoolValue) { BoolValue = value };

    /// <summary>An integer value.</summary>
    public static OtlpValue FromInt(long value) => new(OtlpValueKind.IntValue) { IntValue = value };

    /// <summary>A double value.</summary>
    public static OtlpValue FromDouble(double value) => new(OtlpValueKind.DoubleValue) { DoubleValue = value };

    /// <summary>An array value.</summary>
    public static OtlpValue FromArray(IReadOnlyList<OtlpValue> values) => new(OtlpValueKind.ArrayValue) { ArrayValue = values };

    /// <summary>A key-value list value.</summary>
    public static OtlpValue FromKeyValueList(IReadOnlyList<OtlpKeyValue> values) => new(OtlpValueKind.KeyValueListValue) { KeyValueListValue = values };

    /// <summary>A bytes value.</summary>
    public static OtlpValue FromBytes(byte[] value) => new(OtlpValueKind.BytesValue) { BytesValue = value };

    /// <summary>The value as text: strings as they are, numbers and bools invariant, arrays and lists as JSON, bytes base64.</summary>
    public string? AsString() => Kind switch
    {
        OtlpValueKind.StringValue => StringValue,
        OtlpValueKind.BoolValue => BoolValue ? "true" : "false",
        OtlpValueKind.IntValue => IntValue.ToString(CultureInfo.InvariantCulture),
        OtlpValueKind.DoubleValue => DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        OtlpValueKind.BytesValue => Convert.ToBase64String([.. BytesValue!]),
        OtlpValueKind.ArrayValue or OtlpValueKind.KeyValueListValue => ToJson(),
        _ => null,
    };

    /// <summary>The value as an integer: ints, integral doubles, and strings holding either.</summary>
    public long? AsLong() => Kind switch
    {
        OtlpValueKind.IntValue => IntValue,
        OtlpValueKind.DoubleValue => Integral(DoubleValue),
        OtlpValueKind.StringValue => long.TryParse(StringValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
            : double.TryParse(StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Integral(d) : null,
        _ => null,
    };

    /// <summary>The value as a double: doubles, ints, and strings holding a number.</summary>
    public double? AsDouble() => Kind switch
    {
        OtlpValueKind.DoubleValue => DoubleValue,
        OtlpValueKind.IntValue => IntValue,
        OtlpValueKind.StringValue => double.TryParse(StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
        _ => null,
    };

    /// <summary>The value as a bool: bools, <c>"true"</c>/<c>"false"</c> in any case, and the integers 0 and 1.</summary>
    public bool? AsBool() => Kind switch
    {
        OtlpValueKind.BoolValue => BoolValue,
        OtlpValueKind.StringValue when bool.TryParse(StringValue?.Trim(), out var b) => b,
        OtlpValueKind.IntValue when IntValue is 0 or 1 => IntValue == 1,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => AsString() ?? "";

    private static long? Integral(double d) =>
        double.IsFinite(d) && Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;

    private string ToJson()
    {
        var builder = new StringBuilder();
        OtlpValueJson.Write(this, builder);
        return builder.ToString();
    }
}
