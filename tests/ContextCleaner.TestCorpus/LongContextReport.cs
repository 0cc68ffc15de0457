using System.Globalization;
using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>Prints the long_context_requests of a ground truth: Anthropic vs ccusage cost per request.</summary>
internal static class LongContextReport
{
    public static int Print(string truthPath, TextWriter stdout)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(truthPath));
        var (sumAnthropic, sumCcusage, count) = (0m, 0m, 0);
        stdout.WriteLine("message_id\tmodel\tprompt_tokens\tcost_usd\tcost_usd_ccusage\tdifference");
        foreach (var r in doc.RootElement.GetProperty("long_context_requests").EnumerateArray())
        {
            var anthropic = r.GetProperty("cost_usd").GetDecimal();
            var ccusage = r.GetProperty("cost_usd_ccusage").GetDecimal();
            sumAnthropic += anthropic;
            sumCcusage += ccusage;
            count++;
            var id = r.GetProperty("message_id").GetString();
            var model = r.GetProperty("model").GetString();
            var prompt = r.GetProperty("prompt_tokens").GetInt64();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{id}\t{model}\t{prompt}\t{anthropic}\t{ccusage}\t{Money(anthropic - ccusage)}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {count} requests, cost_usd {Money(sumAnthropic)}, cost_usd_ccusage {Money(sumCcusage)}, difference {Money(sumAnthropic - sumCcusage)}"));
        return 0;
    }

    private static decimal Money(decimal value) => TruthAccumulator.Money(value);
}
