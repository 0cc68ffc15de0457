using System.Text.Encodings.Web;
using System.Text.Json;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Cli.Rendering;

/// <summary>
/// Writes a store's health as JSON for scripts and monitors: every key always present (null when unknown), times as
/// ISO 8601 UTC, a count for every metric temporality.
/// </summary>
internal static class HealthJsonWriter
{
    private static readonly MetricTemporality[] Temporalities = [MetricTemporality.Delta, MetricTemporality.Cumulative, MetricTemporality.Unspecified];

    public static void Write(Stream output, StoreHealth health, DateTime nowUtc)
    {
        // Hints quote commands (`context-cleaner import`, Claude Code's …): printed as they are, not as \u0060 escapes; the
        // output is a terminal or a file, never HTML.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("store", health.Store);
        json.WriteString("engine", health.Engine);
        json.WriteString("mode", health.Mode);
        json.WriteString("schema", health.Schema);
        json.WriteStartArray("tables");
        foreach (var table in health.Tables)
        {
            json.WriteStartObject();
            json.WriteString("name", table.Name);
            json.WriteBoolean("present", table.Present);
            if (table.Rows is { } rows) { json.WriteNumber("rows", rows); }
            else { json.WriteNull("rows"); }

            WriteTime(json, "newest", table.NewestUtc);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteTime(json, "newestEvent", health.NewestEventUtc);
        if (health.NewestEventUtc is { } newest) { json.WriteNumber("newestEventAgeSeconds", Math.Floor((nowUtc - newest).TotalSeconds)); }
        else { json.WriteNull("newestEventAgeSeconds"); }

        json.WriteStartObject("metricPoints");
        foreach (var temporality in Temporalities)
        {
            json.WriteNumber(MetricTemporalityNames.ToName(temporality), health.MetricPoints.GetValueOrDefault(temporality));
        }

        json.WriteEndObject();
        json.WriteStartArray("hints");
        foreach (var hint in health.Hints)
        {
            json.WriteStringValue(hint);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? utc)
    {
        if (utc is { } value) { json.WriteString(name, IsoTime.Format(value)); }
        else { json.WriteNull(name); }
    }
}
