using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ContextCleaner.Core.Ingest;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// Parsing the assistant lines of a real-sized corpus file: our parser (plain lines read straight from their bytes,
/// content crossed by JsonValueSkipper), the same without the plain-line shortcut (every line through Utf8JsonReader),
/// and a plain Utf8JsonReader walk of every token, the cost a full parse would pay. Baseline = the plain walk.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LineParserBenchmarks
{
    private readonly TranscriptLine _line = new();
    private byte[][] _lines = [];

    /// <summary>A transcript file (set CC_BENCH_FILE), else a synthetic line of realistic shape.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var file = Environment.GetEnvironmentVariable("CC_BENCH_FILE");
        _lines = file is not null
            ? [.. File.ReadLines(file).Where(l => l.Contains("\"usage\":{", StringComparison.Ordinal)).Select(Encoding.UTF8.GetBytes)]
            : [Encoding.UTF8.GetBytes(SyntheticLine())];
    }

    [Benchmark(Baseline = true)]
    public int FullTokenWalk()
    {
        var tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark]
    public int TranscriptLineParser_Parse()
    {
        var ok = 0;
        foreach (var line in _lines)
        {
            ok += TranscriptLineParser.Parse(line, _line) == ParseResult.Ok ? 1 : 0;
        }

        return ok;
    }

    [Benchmark]
    public int TranscriptLineParser_ReaderOnly()
    {
        var ok = 0;
        foreach (var line in _lines)
        {
            ok += TranscriptLineParser.ParseWithReaderOnly(line, _line) == ParseResult.Ok ? 1 : 0;
        }

        return ok;
    }

    private static string SyntheticLine()
    {
        var code = string.Join("\\n", Enumerable.Range(0, 200).Select(i => $"    var x{i} = Compute(\\\"value {i}\\\", {i});"));
        return "{\"parentUuid\":\"a\",\"isSidechain\":false,\"type\":\"assistant\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\","
            + "\"id\":\"msg_01abc\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Here is the change.\"},"
            + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"Edit\",\"input\":{\"file_path\":\"/src/a.cs\",\"old_string\":\"" + code
            + "\",\"new_string\":\"" + code + "\"}}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":4,"
            + "\"cache_creation_input_tokens\":306,\"cache_read_input_tokens\":147449,\"cache_creation\":{\"ephemeral_5m_input_tokens\":306,"
            + "\"ephemeral_1h_input_tokens\":0},\"output_tokens\":812,\"service_tier\":\"standard\"}},\"requestId\":\"req_011abc\","
            + "\"uuid\":\"u1\",\"timestamp\":\"2025-10-01T09:30:00.123Z\"}";
    }
}
