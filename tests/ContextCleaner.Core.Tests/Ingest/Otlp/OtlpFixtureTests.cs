using ContextCleaner.Core.Ingest.Otlp;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>Every body Claude Code 2.1.328 sent decodes to what the capture's manifest counted, in both encodings.</summary>
public sealed class OtlpFixtureTests
{
    private const string EventBodyPrefix = "claude_code.";

    public static TheoryData<string> Bodies => [.. OtlpFixtures.Bodies];

    public static TheoryData<string> ProtobufBodies => [.. OtlpFixtures.ProtobufBodies];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Decode_RealBody_HasTheManifestsSignalAndCounts(string body)
    {
        var export = OtlpFixtures.Decode(body);

        export.Signal.ToString().ShouldBe(OtlpFixtures.Manifest(body).GetProperty("signal").GetString(), StringCompareShould.IgnoreCase);
        export.RecordCount.ShouldBeGreaterThan(0);
        Count(export.Logs.Select(EventName)).ShouldBe(OtlpFixtures.ManifestCounts(body, "events"));
        Count(export.Metrics.SelectMany(m => m.Points.Select(_ => m.Name))).ShouldBe(OtlpFixtures.ManifestCounts(body, "metrics"));
        Count(export.Spans.Select(s => s.Name)).ShouldBe(OtlpFixtures.ManifestCounts(body, "spans"));
    }

    [Theory]
    [MemberData(nameof(ProtobufBodies))]
    public void Decode_ProtobufBody_EqualsJsonDecoderOnTheSameDataAsJson(string body)
    {
        var asJson = Path.Combine("otlp-protobuf-decoded", Path.ChangeExtension(Path.GetFileName(body), ".json"));

        var fromProtobuf = OtlpFixtures.Decode(body);
        var fromJson = OtlpFixtures.Decode(asJson);

        OtlpExportText.Render(fromProtobuf).ShouldBe(OtlpExportText.Render(fromJson));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Decode_RealBody_RecordsOfOneScopeShareOneResourceAndScopeInstance(string body)
    {
        // Each fixture body holds one ResourceX with one ScopeX.
        var export = OtlpFixtures.Decode(body);
        var owners = export.Logs.Select(l => (l.Resource, l.Scope))
            .Concat(export.Metrics.Select(m => (m.Resource, m.Scope)))
            .Concat(export.Spans.Select(s => (s.Resource, s.Scope)))
            .ToList();

        owners.ShouldAllBe(o => ReferenceEquals(o.Resource, owners[0].Resource) && ReferenceEquals(o.Scope, owners[0].Scope));
        owners[0].Resource.Attributes.GetString("service.name").ShouldBe("claude-code");
        owners[0].Scope.Name.ShouldStartWith("com.anthropic.claude_code");
    }

    private static string EventName(OtlpLogRecord log)
    {
        var body = log.Body.StringValue.ShouldNotBeNull();
        body.ShouldStartWith(EventBodyPrefix);
        return body[EventBodyPrefix.Length..];
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> names) =>
        new(names.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
