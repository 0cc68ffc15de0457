using System.Reflection;
using System.Text;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Tests.TestSupport;
using ContextCleaner.TestCorpus;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

/// <summary>
/// The plain-line shortcut (<c>TranscriptLineParser.TryParsePlain</c>) against the <c>Utf8JsonReader</c> path it stands in
/// for: on every line of the real transcripts in samples/, of a generated corpus, and of damaged copies of them, both
/// give the same result and the same fields, and the shortcut does read the ordinary lines (else this proves nothing).
/// </summary>
public sealed class TranscriptLineParserPlainTests
{
    private static readonly PropertyInfo[] Fields = typeof(TranscriptLine).GetProperties()
        .Where(p => p.Name is not (nameof(TranscriptLine.Scratch) or nameof(TranscriptLine.Models)))
        .ToArray();

    // Values swapped in for a field's value: every JSON kind, and the edge cases of the plain subset.
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "7", "-1", "-0", "1.5", "2e3", "1E2", "007", "123456789012345678", "1234567890123456789",
        "99999999999999999999", "\"x\"", "\"\"", "\"assistant\"", "\"system\"", "\"\\u0061ssistant\"", "\"a\\\"b\"", "\"<synthetic>\"",
        "\"2025-10-01T09:30:00.123Z\"", "\"2025-10-01T09:30:00+02:00\"", "\"not a time\"", "{}", "[]", "{\"input_tokens\":1,\"output_tokens\":2}",
        "[1,2]", " 5 ", "tru", "nul", "\"open",
    ];

    private static readonly string[] Keys =
    [
        "type", "timestamp", "uuid", "requestId", "requestedModel", "isSidechain", "isApiErrorMessage", "message", "id", "model", "content",
        "usage", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "cache_creation",
        "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens", "speed", "subtype", "costUSD",
    ];

    private static readonly string[] Fragments = ["\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\t", "0", "-", ".", "e", "n", "x", "\u0001", "é", "\\u00e9"];

    // The shape of lines from Claude Code versions that wrote their own cost.
    private const string OldVersionLine = """{"parentUuid":null,"isSidechain":false,"type":"assistant","costUSD":0.00123,"durationMs":900,"message":{"id":"msg_1","model":"claude-3-5-haiku-20241022","content":[{"type":"text","text":"hi"}],"usage":{"input_tokens":10,"output_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}},"requestId":"req_1","uuid":"u1","timestamp":"2025-06-01T10:00:00.000Z"}""";

    private readonly TranscriptLine _plain = new();
    private readonly TranscriptLine _reader = new();

    [Fact]
    public void SampleTranscripts_EveryLine_BothPathsAgree()
    {
        var lines = SampleLines();
        lines.Count.ShouldBeGreaterThan(300);
        foreach (var line in lines)
        {
            ShouldAgree(line);
        }
    }

    [Fact]
    public void SampleTranscripts_UsageLines_ReadByTheShortcut()
    {
        // Real API responses (Claude Code 2.1.328) are what the shortcut is for; API-error lines are not.
        var usage = SampleLines().Where(l => l.Contains("\"usage\"", StringComparison.Ordinal) && !l.Contains("<synthetic>", StringComparison.Ordinal)).ToList();
        usage.Count.ShouldBeGreaterThan(30);
        usage.ShouldAllBe(l => TranscriptLineParser.TryParsePlain(Encoding.UTF8.GetBytes(l), new TranscriptLine()));
    }

    [Fact]
    public void GeneratedCorpus_EveryLine_BothPathsAgreeAndAssistantLinesTakeTheShortcut()
    {
        var lines = GeneratedLines();
        var plain = 0;
        var assistant = 0;
        foreach (var line in lines)
        {
            ShouldAgree(line);
            if (line.Contains("\"type\":\"assistant\"", StringComparison.Ordinal) && line.Contains("\"usage\"", StringComparison.Ordinal)
                && !line.Contains("<synthetic>", StringComparison.Ordinal))
            {
                assistant++;
                plain += TranscriptLineParser.TryParsePlain(Encoding.UTF8.GetBytes(line), new TranscriptLine()) ? 1 : 0;
            }
        }

        assistant.ShouldBeGreaterThan(1_000);
        // The generator writes some usage lines with odd values on purpose (the reader path's to judge).
        ((double)plain / assistant).ShouldBeGreaterThan(0.99, $"{plain} of {assistant}");
    }

    [Fact]
    public void FieldValuesSwappedForEveryKindOfValue_BothPathsAgree()
    {
        var random = new Random(20261126);
        var bases = new[] { FixtureLines.S01SonnetUsage, FixtureLines.S17ToolUseBlock, FixtureLines.S17UserToolResult, FixtureLines.S12Synthetic529, OldVersionLine }
            .Concat(GeneratedLines().Where(l => l.Contains("\"usage\"", StringComparison.Ordinal)).Take(50))
            .ToList();
        var swapped = 0;
        foreach (var line in bases)
        {
            foreach (var key in Keys)
            {
                foreach (var replacement in Replacements)
                {
                    if (SwapValue(line, key, replacement, random) is { } changed)
                    {
                        ShouldAgree(changed);
                        swapped++;
                    }
                }
            }
        }

        swapped.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void LinesCutInsertedIntoAndOverwritten_BothPathsAgree()
    {
        var random = new Random(7);
        var bases = SampleLines().Concat(GeneratedLines().Take(400)).ToList();
        for (var n = 0; n < 40_000; n++)
        {
            var line = bases[random.Next(bases.Count)];
            var at = random.Next(line.Length + 1);
            var damaged = random.Next(4) switch
            {
                0 => line[..at],
                1 => line.Insert(at, Fragments[random.Next(Fragments.Length)]),
                2 => at < line.Length ? line.Remove(at, 1) : line,
                _ => at < line.Length ? line.Remove(at, 1).Insert(at, Fragments[random.Next(Fragments.Length)]) : line,
            };
            ShouldAgree(damaged);
        }
    }

    [Theory]
    [InlineData("""  { "type" : "assistant" , "message" : { "id" : "m1" , "usage" : { "input_tokens" : 1 , "output_tokens" : 2 } } }  """)]
    [InlineData("""{"type":"assistant","message":{"usage":{"input_tokens":1,"output_tokens":2}},"message":{"usage":null}}""")]
    [InlineData("""{"type":"assistant","type":null,"isSidechain":true,"isSidechain":"yes"}""")]
    [InlineData("""{"message":{"content":[],"model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0}},"type":"assistant"}""")]
    [InlineData("""{"message":{"model":"<synthetic>","content":[{"type":"text","text":"API Error"}]},"type":"assistant"}""")]
    [InlineData("""{"type":"assistant","message":{"usage":{"input_tokens":1}}}""")]
    [InlineData("""{"type":"assistant","message":{"usage":{"input_tokens":1,"output_tokens":2,"cache_creation":{"ephemeral_5m_input_tokens":null}}}}""")]
    [InlineData("""{"type":"assistant","costUSD":0.0123,"message":{"id":"m1","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":2}},"requestId":"r1"}""")]
    [InlineData("""{"type":"assistant"}{}""")]
    [InlineData("""{"type":"assistant",}""")]
    [InlineData("""{"type"::"assistant"}""")]
    [InlineData("""{"ty\u0070e":"assistant"}""")]
    [InlineData("""[]""")]
    [InlineData("""{}""")]
    [InlineData("""{""")]
    public void HandWrittenOddities_BothPathsAgree(string line) => ShouldAgree(line);

    [Theory]
    [InlineData(250)]
    [InlineData(300)]      // deeper than the skipper follows (256) but within the reader's limit (512)
    [InlineData(600)]
    public void DeeplyNestedValue_BothPathsAgree(int depth) =>
        ShouldAgree("{\"type\":\"assistant\",\"a\":" + new string('[', depth) + new string(']', depth)
            + ",\"message\":{\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}}");

    [Fact]
    public void EveryFieldTheReaderPathReads_IsKnownToTheShortcut()
    {
        // A field added to the reader path only would be skipped unread by the shortcut: it must read it or leave such
        // lines to the reader path (IsReaderPathField).
        var ingest = Path.Combine(RepositoryRoot.Path, "src", "ContextCleaner.Core", "Ingest");
        var readerFields = FieldNames(["TranscriptLineParser.cs", "TranscriptLineParser.Message.cs"], ingest, "ValueTextEquals\\(\"(\\w+)\"u8\\)");
        var shortcutFields = FieldNames(["TranscriptLineParser.Plain.cs", "TranscriptLineParser.PlainUsage.cs"], ingest, "\"(\\w+)\"u8");

        // Members of values the shortcut never reads itself: `error` (it takes such lines to the reader path) and the
        // text blocks of an API-error line's content.
        string[] insideReaderOnlyValues = ["formatted", "status", "text"];

        readerFields.Count.ShouldBeGreaterThan(25);
        readerFields.Except(shortcutFields).Except(insideReaderOnlyValues).ShouldBeEmpty();
    }

    private static HashSet<string> FieldNames(string[] files, string folder, string pattern) =>
        files.SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(folder, f)), pattern))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    private void ShouldAgree(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var viaShortcut = TranscriptLineParser.Parse(bytes, _plain);
        var viaReader = TranscriptLineParser.ParseWithReaderOnly(bytes, _reader);
        viaShortcut.ShouldBe(viaReader, text);
        foreach (var field in Fields)
        {
            Describe(field.GetValue(_plain)).ShouldBe(Describe(field.GetValue(_reader)), $"{field.Name} of {text}");
        }
    }

    private static string? Describe(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // The line with the value of one occurrence of "key" replaced; null when the key is not in it.
    private static string? SwapValue(string line, string key, string replacement, Random random)
    {
        var needle = "\"" + key + "\":";
        var starts = new List<int>();
        for (var at = line.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = line.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            starts.Add(at + needle.Length);
        }

        if (starts.Count == 0)
        {
            return null;
        }

        var start = starts[random.Next(starts.Count)];
        var bytes = Encoding.UTF8.GetBytes(line);
        var byteStart = Encoding.UTF8.GetByteCount(line.AsSpan(0, start));
        var byteEnd = JsonValueSkipper.SkipValue(bytes, byteStart);
        if (byteEnd < 0)
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes, 0, byteStart) + replacement + Encoding.UTF8.GetString(bytes, byteEnd, bytes.Length - byteEnd);
    }

    private static List<string> SampleLines() =>
        Directory.EnumerateFiles(RepositoryRoot.SampleProjects, "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0)
            .ToList();

    private static List<string> GeneratedLines() => Generated.Value;

    private static readonly Lazy<List<string>> Generated = new(Generate);

    private static List<string> Generate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-plain-" + Guid.NewGuid().ToString("N"));
        try
        {
            CorpusGenerator.Generate(new CorpusOptions { OutputDirectory = directory, Sessions = 25, MessagesPerSession = 60, Seed = 31 });
            return Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines)
                .Where(l => l.Length > 0)
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
