using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>The human-readable "rules" section of ground_truth.json, with the price table used.</summary>
internal static class TruthRules
{
    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("rules");
        w.WriteString("unique_key", "(message.id, requestId) of assistant lines with real usage; files in ordinal path order, lines in file order");
        w.WriteString("usage_kept", "the first line with the largest token total (final usage beats an earlier partial line with stop_reason null); counted once");
        w.WriteString("attribution", "file/session/project of the first line of the request; subagent files (<project>/<session>/subagents/agent-*.jsonl) count for <session>");
        w.WriteString("day", "UTC date of the kept line's timestamp");
        w.WriteString("session", "file stem (session uuid) within its project directory; last_activity = latest kept timestamp");
        w.WriteString("cache_creation_tokens", "ephemeral_5m + ephemeral_1h (equals cache_creation_input_tokens)");
        w.WriteString("excluded", "synthetic API-error lines (model <synthetic>, zero usage), system/bookkeeping/user lines, truncated and garbage lines, duplicates and resumed-session replays");
        w.WriteString("sidechain", "isSidechain lines have their own message ids and are counted");
        w.WriteString("cost_usd", "Anthropic billing: whole request at long-context rates when input+cache_read+cache_creation > 200000 on a model with a long-context tier");
        w.WriteString("cost_usd_ccusage", "ccusage 20 convention: per request and token kind (input, output, 5m write, 1h write, cache read), first 200000 at base, the rest at the long-context rate");
        w.WriteStartObject("prices_usd_per_mtok");
        foreach (var price in PriceList.All)
        {
            w.WriteStartObject(price.Model);
            WriteRates(w, "base", price.Base);
            if (price.LongContext is null)
            {
                w.WriteNull("long_context");
            }
            else
            {
                WriteRates(w, "long_context", price.LongContext);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRates(Utf8JsonWriter w, string name, Rates r)
    {
        w.WriteStartObject(name);
        w.WriteNumber("input", r.Input);
        w.WriteNumber("output", r.Output);
        w.WriteNumber("cache_write_5m", r.Write5m);
        w.WriteNumber("cache_write_1h", r.Write1h);
        w.WriteNumber("cache_read", r.CacheRead);
        w.WriteEndObject();
    }
}
