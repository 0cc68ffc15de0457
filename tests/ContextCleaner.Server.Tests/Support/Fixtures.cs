using System.Text.Json;

namespace ContextCleaner.Server.Tests.Support;

/// <summary>The real OTLP bodies of Claude Code 2.1.328 (tests/data) and their manifest counts.</summary>
internal static class Fixtures
{
    private static readonly Lazy<JsonDocument> Manifest = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.OtlpFixtures, "manifest.json"))));

    /// <summary>Relative paths (otlp-json/…, otlp-protobuf/…) of every body.</summary>
    private static readonly string[] Folders = ["otlp-json", "otlp-protobuf"];

    public static IEnumerable<string> Bodies() =>
        Folders.SelectMany(folder =>
            Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, folder)).Order(StringComparer.Ordinal)
                .Select(f => folder + "/" + Path.GetFileName(f)));

    public static byte[] Read(string relative) => File.ReadAllBytes(Path.Combine(RepositoryRoot.OtlpFixtures, relative));

    public static string SignalOf(string relative) => Manifest.Value.RootElement.GetProperty(relative).GetProperty("signal").GetString()!;

    public static string ContentTypeOf(string relative) => relative.EndsWith(".pb", StringComparison.Ordinal) ? "application/x-protobuf" : "application/json";

    /// <summary>Counts per event name (logs), data points per metric, spans per name.</summary>
    public static IReadOnlyDictionary<string, int> Counts(string relative, string kind) =>
        Manifest.Value.RootElement.GetProperty(relative).GetProperty(kind).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}
