using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// The OTLP logs bodies of tests/data (the same Claude Code runs as the transcripts in samples/), decoded and mapped as
/// the server does, one write per body.
/// </summary>
internal static class OtlpFixtureLogs
{
    public static async Task WriteAsync(ITelemetryStore store)
    {
        var mapper = new OtlpEventMapper(TestStore.Prices, new OtlpMappingOptions());
        var bodies = Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-json"), "*-logs.json").Order(StringComparer.Ordinal)
            .Select(f => OtlpJsonDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f)))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.OtlpFixtures, "otlp-protobuf"), "*-logs.pb").Order(StringComparer.Ordinal)
                .Select(f => OtlpProtobufDecoder.Decode(OtlpSignal.Logs, File.ReadAllBytes(f))));
        foreach (var export in bodies)
        {
            var mapping = mapper.Map(export);
            mapping.Rejected.ShouldBe(0);
            await store.WriteAsync(new EventBatch(mapping.Events, []), TestContext.Current.CancellationToken);
        }
    }
}
