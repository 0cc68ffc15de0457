using System.Text;
using System.Text.Json;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// Reports in the JSON shape of ccusage 20 (<c>daily|session|blocks --json</c>), the fields the ground-truth checker
/// reads. This project does not reference the CLI, whose writers produce the same shape for users.
/// </summary>
internal static class CcusageJson
{
    public static string Daily(UsageReport report) => Write(w =>
    {
        w.WriteStartArray("daily");
        foreach (var row in report.Rows)
        {
            w.WriteStartObject();
            w.WriteString("date", row.Key);
            Row(w, row);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Totals(w, report);
    });

    public static string Session(UsageReport report) => Write(w =>
    {
        w.WriteStartArray("sessions");
        foreach (var row in report.Rows)
        {
            w.WriteStartObject();
            w.WriteString("sessionId", row.Key);
            Row(w, row);
            w.WriteString("lastActivity", IsoTime.Format(row.LastUtc));
            w.WriteString("projectPath", row.Project);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Totals(w, report);
    });

    public static string Blocks(IEnumerable<BillingBlock> blocks) => Write(w =>
    {
        w.WriteStartArray("blocks");
        foreach (var block in blocks)
        {
            w.WriteStartObject();
            w.WriteString("id", block.Id);
            w.WriteString("startTime", IsoTime.Format(block.StartUtc));
            w.WriteString("endTime", IsoTime.Format(block.EndUtc));
            w.WriteBoolean("isActive", block.IsActive);
            w.WriteBoolean("isGap", block.IsGap);
            w.WriteNumber("entries", block.Entries);
            w.WriteStartObject("tokenCounts");
            w.WriteNumber("inputTokens", block.Tokens.Input);
            w.WriteNumber("outputTokens", block.Tokens.Output);
            w.WriteNumber("cacheCreationInputTokens", block.Tokens.CacheWrite);
            w.WriteNumber("cacheReadInputTokens", block.Tokens.CacheRead);
            w.WriteEndObject();
            w.WriteNumber("totalTokens", block.Tokens.Total);
            w.WriteNumber("costUSD", block.CostUsd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void Row(Utf8JsonWriter w, UsageReportRow row)
    {
        Tokens(w, row.Tokens);
        w.WriteNumber("totalCost", row.CostUsd);
        w.WriteStartArray("modelsUsed");
        foreach (var model in row.ModelsUsed)
        {
            w.WriteStringValue(model);
        }

        w.WriteEndArray();
        w.WriteStartArray("modelBreakdowns");
        foreach (var model in row.Models)
        {
            w.WriteStartObject();
            w.WriteString("modelName", model.Model);
            w.WriteNumber("inputTokens", model.Tokens.Input);
            w.WriteNumber("outputTokens", model.Tokens.Output);
            w.WriteNumber("cacheCreationTokens", model.Tokens.CacheWrite);
            w.WriteNumber("cacheReadTokens", model.Tokens.CacheRead);
            w.WriteNumber("cost", model.CostUsd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Totals(Utf8JsonWriter w, UsageReport report)
    {
        w.WriteStartObject("totals");
        Tokens(w, report.Tokens);
        w.WriteNumber("totalCost", report.CostUsd);
        w.WriteEndObject();
    }

    private static void Tokens(Utf8JsonWriter w, TokenUsage tokens)
    {
        w.WriteNumber("inputTokens", tokens.Input);
        w.WriteNumber("outputTokens", tokens.Output);
        w.WriteNumber("cacheCreationTokens", tokens.CacheWrite);
        w.WriteNumber("cacheReadTokens", tokens.CacheRead);
        w.WriteNumber("totalTokens", tokens.Total);
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
