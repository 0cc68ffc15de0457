using System.Text.Json;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Cli.Rendering;

/// <summary>
/// Writes usage reports in the JSON shape of ccusage 20's <c>claude daily|weekly|monthly|session --json</c>
/// (same keys, alphabetical order as ccusage prints them), so scripts and status lines built on ccusage keep working.
/// </summary>
internal static class UsageJsonWriter
{
    public static void Write(Stream output, UsageReport report)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var (listName, keyName) = report.Period switch
        {
            UsagePeriod.Week => ("weekly", "week"),
            UsagePeriod.Month => ("monthly", "month"),
            UsagePeriod.Session => ("sessions", "sessionId"),
            _ => ("daily", "date"),
        };
        json.WriteStartObject();
        json.WriteStartArray(listName);
        foreach (var row in report.Rows)
        {
            WriteRow(json, row, report.Period, keyName);
        }

        json.WriteEndArray();
        json.WriteStartObject("totals");
        WriteTokens(json, report.Tokens);
        json.WriteNumber("totalCost", (double)report.CostUsd);
        json.WriteNumber("totalTokens", report.Tokens.Total);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, UsageReportRow row, UsagePeriod grouping, string keyName)
    {
        json.WriteStartObject();
        json.WriteNumber("cacheCreationTokens", row.Tokens.CacheWrite);
        json.WriteNumber("cacheReadTokens", row.Tokens.CacheRead);
        if (grouping == UsagePeriod.Session)
        {
            json.WriteString("firstActivity", IsoTime.Format(row.FirstUtc));
        }
        else
        {
            json.WriteString(keyName, row.Key);
        }

        json.WriteNumber("inputTokens", row.Tokens.Input);
        if (grouping == UsagePeriod.Session)
        {
            json.WriteString("lastActivity", IsoTime.Format(row.LastUtc));
        }

        json.WriteStartArray("modelBreakdowns");
        foreach (var model in row.Models)
        {
            json.WriteStartObject();
            json.WriteNumber("cacheCreationTokens", model.Tokens.CacheWrite);
            json.WriteNumber("cacheReadTokens", model.Tokens.CacheRead);
            json.WriteNumber("cost", (double)model.CostUsd);
            json.WriteNumber("inputTokens", model.Tokens.Input);
            json.WriteString("modelName", model.Model);
            json.WriteNumber("outputTokens", model.Tokens.Output);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("modelsUsed");
        foreach (var model in row.ModelsUsed)
        {
            json.WriteStringValue(model);
        }

        json.WriteEndArray();
        json.WriteNumber("outputTokens", row.Tokens.Output);
        if (grouping == UsagePeriod.Session)
        {
            json.WriteString("projectPath", row.Project);
            json.WriteString(keyName, row.Key);
        }

        json.WriteNumber("totalCost", (double)row.CostUsd);
        json.WriteNumber("totalTokens", row.Tokens.Total);
        json.WriteEndObject();
    }

    private static void WriteTokens(Utf8JsonWriter json, TokenUsage tokens)
    {
        json.WriteNumber("cacheCreationTokens", tokens.CacheWrite);
        json.WriteNumber("cacheReadTokens", tokens.CacheRead);
        json.WriteNumber("inputTokens", tokens.Input);
        json.WriteNumber("outputTokens", tokens.Output);
    }
}
