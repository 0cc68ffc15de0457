using System.Reflection;
using ContextCleaner.Core.Ingest;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// <c>plain-check DIR</c>: every line of every transcript under DIR through both parser paths (the plain-line shortcut
/// and <c>Utf8JsonReader</c> alone), compared field by field, as TranscriptLineParserPlainTests does on a smaller set.
/// For checking a parser change against a large or real history. Exit code 1 when any line differs.
/// </summary>
internal static class PlainPathCheck
{
    private static readonly PropertyInfo[] Fields = typeof(TranscriptLine).GetProperties()
        .Where(p => p.Name is not (nameof(TranscriptLine.Scratch) or nameof(TranscriptLine.Models)))
        .ToArray();

    public static int Run(string directory)
    {
        var plain = new TranscriptLine();
        var reader = new TranscriptLine();
        long lines = 0, shortcut = 0, differing = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories))
        {
            foreach (var bytes in ReadLines(file))
            {
                lines++;
                shortcut += TranscriptLineParser.TryParsePlain(bytes, new TranscriptLine()) ? 1 : 0;
                var a = TranscriptLineParser.Parse(bytes, plain);
                var b = TranscriptLineParser.ParseWithReaderOnly(bytes, reader);
                var field = a != b ? "result" : Fields.FirstOrDefault(f => !Equals(Describe(f.GetValue(plain)), Describe(f.GetValue(reader))))?.Name;
                if (field is not null && ++differing <= 10)
                {
                    Console.WriteLine($"{file}: {field} differs: {System.Text.Encoding.UTF8.GetString(bytes)[..Math.Min(bytes.Length, 300)]}");
                }
            }
        }

        Console.WriteLine($"{lines:N0} lines, {shortcut:N0} read by the shortcut, {differing:N0} differing");
        return differing == 0 ? 0 : 1;
    }

    private static IEnumerable<byte[]> ReadLines(string file)
    {
        var content = File.ReadAllBytes(file);
        var start = 0;
        while (start < content.Length)
        {
            var end = Array.IndexOf(content, (byte)'\n', start);
            end = end < 0 ? content.Length : end;
            yield return content[start..end];
            start = end + 1;
        }
    }

    private static string? Describe(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
