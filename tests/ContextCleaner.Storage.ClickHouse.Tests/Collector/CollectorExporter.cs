using System.Globalization;
using ClickHouse.Driver;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Tests.ClickHouse;

namespace ContextCleaner.Storage.ClickHouse.Tests.Collector;

/// <summary>
/// Writes OTLP log records into otel_logs the way the Collector's ClickHouse exporter does (exporter_logs.go): Timestamp
/// = time, or observed time when 0; Body and every attribute as pdata's <c>Value.AsString()</c> (bools
/// <c>true</c>/<c>false</c>, ints in decimal, doubles in ES6 form, arrays and maps as JSON); ServiceName from the
/// resource; EventName when the table has it.
/// </summary>
internal static class CollectorExporter
{
    private static readonly string[] Columns =
    [
        "Timestamp", "TraceId", "SpanId", "TraceFlags", "SeverityText", "SeverityNumber", "ServiceName", "Body", "ResourceSchemaUrl",
        "ResourceAttributes", "ScopeSchemaUrl", "ScopeName", "ScopeVersion", "ScopeAttributes", "LogAttributes",
    ];

    public static async Task WriteAsync(ClickHouseClient client, string database, CollectorGeneration generation, IEnumerable<OtlpLogRecord> records)
    {
        var withEventName = generation == CollectorGeneration.WithEventName;
        var rows = records.Select(r =>
        {
            var nanos = r.TimeUnixNano != 0 ? r.TimeUnixNano : r.ObservedTimeUnixNano;
            object?[] row =
            [
                DateTime.UnixEpoch.AddTicks((long)(nanos / 100)), r.TraceId ?? "", r.SpanId ?? "", (byte)0, r.SeverityText ?? "",
                (byte)Math.Clamp(r.SeverityNumber, 0, 255), r.Resource.Attributes.GetString("service.name") ?? "", AsString(r.Body) ?? "", "",
                Map(r.Resource.Attributes), "", r.Scope.Name ?? "", r.Scope.Version ?? "", Map(r.Scope.Attributes), Map(r.Attributes),
            ];
            return withEventName ? [.. row, r.EventName ?? ""] : row;
        }).ToList();
        await client.InsertBinaryAsync($"{database}.otel_logs", withEventName ? [.. Columns, "EventName"] : Columns, rows!, null!,
            TestContext.Current.CancellationToken);
    }

    private static readonly string[] SpanColumns =
    [
        "Timestamp", "TraceId", "SpanId", "ParentSpanId", "TraceState", "SpanName", "SpanKind", "ServiceName", "ResourceAttributes", "ScopeName",
        "ScopeVersion", "SpanAttributes", "Duration", "StatusCode", "StatusMessage", "Events.Timestamp", "Events.Name", "Events.Attributes",
    ];

    /// <summary>Spans as exporter_traces.go writes them: start time, names, kind and status code as words, span events as arrays.</summary>
    public static async Task WriteSpansAsync(ClickHouseClient client, string database, IEnumerable<OtlpSpan> spans)
    {
        var rows = spans.Select(s => new object?[]
        {
            Time(s.StartTimeUnixNano), s.TraceId, s.SpanId, s.ParentSpanId ?? "", "", s.Name, SpanKind(s.Kind),
            s.Resource.Attributes.GetString("service.name") ?? "", Map(s.Resource.Attributes), s.Scope.Name ?? "", s.Scope.Version ?? "",
            Map(s.Attributes), s.EndTimeUnixNano >= s.StartTimeUnixNano ? s.EndTimeUnixNano - s.StartTimeUnixNano : 0UL,
            s.StatusCode switch { 1 => "Ok", 2 => "Error", _ => "Unset" }, s.StatusMessage ?? "",
            s.Events.Select(e => Time(e.TimeUnixNano)).ToArray(), s.Events.Select(e => e.Name).ToArray(), s.Events.Select(e => Map(e.Attributes)).ToArray(),
        }).ToList();
        await client.InsertBinaryAsync($"{database}.otel_traces", SpanColumns, rows!, null!, TestContext.Current.CancellationToken);
    }

    private static DateTime Time(ulong nanos) => DateTime.UnixEpoch.AddTicks((long)(nanos / 100));

    private static string SpanKind(int kind) => kind switch
    {
        1 => "Internal",
        2 => "Server",
        3 => "Client",
        4 => "Producer",
        5 => "Consumer",
        _ => "Unspecified",
    };

    private static Dictionary<string, string> Map(OtlpAttributes attributes) =>
        attributes.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => AsString(g.Last().Value) ?? "", StringComparer.Ordinal);

    // pdata formats a double like ES6 Number.prototype.toString: plain digits, exponent only below 1e-6 or from 1e21.
    private static string? AsString(OtlpValue value)
    {
        if (value.Kind != OtlpValueKind.DoubleValue)
        {
            return value.AsString();
        }

        var d = value.DoubleValue;
        return d != 0 && (Math.Abs(d) < 1e-6 || Math.Abs(d) >= 1e21)
            ? d.ToString("0.################e+0", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }
}
