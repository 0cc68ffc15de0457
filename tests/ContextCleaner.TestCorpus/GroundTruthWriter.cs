using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Writes ground_truth.json (schema shared with tools/check_usage_vs_truth.py).</summary>
internal static class GroundTruthWriter
{
    public static void Write(string path, CorpusOptions options, CorpusCounts counts, GroundTruth truth)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("generator", "ContextCleaner.TestCorpus");
        WriteArgs(w, options);
        TruthRules.Write(w);
        w.WriteStartObject("counts");
        foreach (var (name, value) in counts.Snapshot())
        {
            w.WriteNumber(name, value);
        }

        w.WriteEndObject();
        w.WritePropertyName("totals");
        truth.Totals.WriteTo(w);
        w.WriteStartObject("by_model");
        foreach (var (model, acc) in truth.ByModel)
        {
            w.WritePropertyName(model);
            acc.WriteTo(w);
        }

        w.WriteEndObject();
        w.WriteStartObject("by_day");
        foreach (var (day, group) in truth.ByDay)
        {
            w.WriteStartObject(day);
            group.WriteBody(w);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("by_session");
        foreach (var (key, session) in truth.BySession)
        {
            w.WriteStartObject(key);
            w.WriteString("session_id", session.SessionId);
            w.WriteString("project", session.Project);
            w.WriteString("last_activity", IsoTime.Format(session.Group.LastActivityMs));
            session.Group.WriteBody(w);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteLongContext(w, truth);
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteArgs(Utf8JsonWriter w, CorpusOptions options)
    {
        w.WriteStartObject("args");
        w.WriteNumber("sessions", options.Sessions);
        w.WriteNumber("messages_per_session", options.MessagesPerSession);
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("projects", options.Projects);
        w.WriteString("start_date", options.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("days", options.Days);
        w.WriteEndObject();
    }

    private static void WriteLongContext(Utf8JsonWriter w, GroundTruth truth)
    {
        w.WriteStartArray("long_context_requests");
        foreach (var fact in truth.LongContext)
        {
            var price = PriceList.Get(fact.Model);
            w.WriteStartObject();
            w.WriteString("message_id", fact.MessageId);
            w.WriteString("request_id", fact.RequestId);
            w.WriteString("model", fact.Model);
            w.WriteString("session_id", fact.SessionId);
            w.WriteString("timestamp", IsoTime.Format(fact.TimestampMs));
            w.WriteNumber("prompt_tokens", fact.Usage.Prompt);
            w.WriteNumber("cost_usd", TruthAccumulator.Money(CostCalculator.Anthropic(price, fact.Usage)));
            w.WriteNumber("cost_usd_ccusage", TruthAccumulator.Money(CostCalculator.Ccusage(price, fact.Usage)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
