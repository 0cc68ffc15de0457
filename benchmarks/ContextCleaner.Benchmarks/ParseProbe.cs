using System.Text;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Benchmarks;

internal static class ParseProbe
{
    public static void Run(string file)
    {
        var line = new TranscriptLine();
        var prices = PriceTableLoader.Load();
        var tf = new TranscriptFile(file, "p", "s", 0, default);
        foreach (var text in File.ReadLines(file).Where(l => l.Contains("usage\"", StringComparison.Ordinal)).Take(3))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            TranscriptLineParser.Parse(bytes, line);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                TranscriptLineParser.Parse(bytes, line);
            }

            var parse = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
            before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                TranscriptEventMapper.Map(line, tf, 0, prices, out _);
            }

            var map = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
            Console.WriteLine($"line {bytes.Length} B: parse allocates {parse} B, map {map} B");
            before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                var r = new System.Text.Json.Utf8JsonReader(bytes);
                while (r.Read()) { }
            }

            Console.WriteLine($"   plain reader walk {(GC.GetAllocatedBytesForCurrentThread() - before) / 1000} B");
            before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                System.Text.Unicode.Utf8.IsValid(bytes);
                JsonValueSkipper.SkipValue(bytes, text.IndexOf("\"content\"", StringComparison.Ordinal) + 10);
            }

            Console.WriteLine($"   isvalid+skipper {(GC.GetAllocatedBytesForCurrentThread() - before) / 1000} B");
        }
    }
}
