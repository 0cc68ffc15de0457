using System.Text.Json;
using ContextCleaner.Core.Ingest.Otlp;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>The OTLP bodies Claude Code 2.1.328 sent (<see cref="RepositoryRoot.OtlpFixtures"/>) and their manifest.</summary>
internal static class OtlpFixtures
{
    private static readonly Lazy<JsonDocument> ManifestDocument = new(() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.OtlpFixtures, "manifest.json"))));

    /// <summary>Every body as its path under the fixture folder: <c>otlp-json/….json</c> and <c>otlp-protobuf/….pb</c>.</summary>
    public static IEnumerable<string> Bodies => Files("otlp-json").Concat(Files("otlp-protobuf"));

    public static IEnumerable<string> ProtobufBodies => Files("otlp-protobuf");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(RepositoryRoot.OtlpFixtures, relativePath));

    /// <summary>The signal a body was sent for, from its name (<c>…-logs</c>, <c>…-metrics</c>, <c>…-traces</c>).</summary>
    public static OtlpSignal Signal(string relativePath) => Path.GetFileNameWithoutExtension(relativePath) switch
    {
        var name when name.EndsWith("-logs", StringComparison.Ordinal) => OtlpSignal.Logs,
        var name when name.EndsWith("-metrics", StringComparison.Ordinal) => OtlpSignal.Metrics,
        var name when name.EndsWith("-traces", StringComparison.Ordinal) => OtlpSignal.Traces,
        var name => throw new ArgumentException($"no signal in the name {name}", nameof(relativePath)),
    };

    /// <summary>Decodes a body with the decoder its extension calls for.</summary>
    public static OtlpExport Decode(string relativePath) => relativePath.EndsWith(".pb", StringComparison.Ordinal)
        ? OtlpProtobufDecoder.Decode(Signal(relativePath), Read(relativePath))
        : OtlpJsonDecoder.Decode(Signal(relativePath), Read(relativePath));

    /// <summary>The manifest's entry for a body.</summary>
    public static JsonElement Manifest(string relativePath) => ManifestDocument.Value.RootElement.GetProperty(relativePath.Replace('\\', '/'));

    /// <summary>One of the manifest's count objects (<c>events</c>, <c>metrics</c>, <c>spans</c>) as a sorted dictionary.</summary>
    public static SortedDictionary<string, int> ManifestCounts(string relativePath, string kind) =>
        new(Manifest(relativePath).GetProperty(kind).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), StringComparer.Ordinal);

    private static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, folder)).Select(f => folder + "/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
}
