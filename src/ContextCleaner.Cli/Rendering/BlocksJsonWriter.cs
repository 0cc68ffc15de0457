using System.Text.Json;
using ContextCleaner.Core.Analytics;

namespace ContextCleaner.Cli.Rendering;

/// <summary>Writes billing blocks in the JSON shape of ccusage 20's <c>claude blocks --json</c>.</summary>
internal static class BlocksJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<BillingBlock> blocks, long? tokenLimit)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("blocks");
        foreach (var block in blocks)
        {
            json.WriteStartObject();
            if (block.ActualEndUtc is { } actualEnd) { json.WriteString("actualEndTime", IsoTime.Format(actualEnd)); }
            else { json.WriteNull("actualEndTime"); }

            if (block.BurnRate is { } rate)
            {
                json.WriteStartObject("burnRate");
                json.WriteNumber("costPerHour", rate.CostPerHour);
                json.WriteNumber("tokensPerMinute", rate.TokensPerMinute);
                json.WriteNumber("tokensPerMinuteForIndicator", rate.TokensPerMinuteForIndicator);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("burnRate");
            }

            json.WriteNumber("costUSD", (double)block.CostUsd);
            json.WriteString("endTime", IsoTime.Format(block.EndUtc));
            json.WriteNumber("entries", block.Entries);
            json.WriteString("id", block.Id);
            json.WriteBoolean("isActive", block.IsActive);
            json.WriteBoolean("isGap", block.IsGap);
            json.WriteStartArray("models");
            foreach (var model in block.Models)
            {
                json.WriteStringValue(model);
            }

            json.WriteEndArray();
            if (block.Projection is { } projection)
            {
                json.WriteStartObject("projection");
                json.WriteNumber("remainingMinutes", projection.RemainingMinutes);
                json.WriteNumber("totalCost", (double)projection.TotalCostUsd);
                json.WriteNumber("totalTokens", projection.TotalTokens);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("projection");
            }

            json.WriteString("startTime", IsoTime.Format(block.StartUtc));
            json.WriteStartObject("tokenCounts");
            json.WriteNumber("cacheCreationInputTokens", block.Tokens.CacheWrite);
            json.WriteNumber("cacheReadInputTokens", block.Tokens.CacheRead);
            json.WriteNumber("inputTokens", block.Tokens.Input);
            json.WriteNumber("outputTokens", block.Tokens.Output);
            json.WriteEndObject();
            if (tokenLimit is { } limit && block.IsActive && TokenLimitStatus.For(block, limit) is { } status)
            {
                json.WriteStartObject("tokenLimitStatus");
                json.WriteNumber("limit", limit);
                json.WriteNumber("percentUsed", status.PercentUsed);
                json.WriteNumber("projectedUsage", status.ProjectedUsage);
                json.WriteString("status", status.Status);
                json.WriteEndObject();
            }

            json.WriteNumber("totalTokens", block.Tokens.Total);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
