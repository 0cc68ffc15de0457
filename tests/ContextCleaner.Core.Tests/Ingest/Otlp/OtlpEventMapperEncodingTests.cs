using System.Collections;
using System.Globalization;
using System.Reflection;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest.Otlp;

/// <summary>
/// The encoding is not part of an event's identity: a protobuf capture and the same capture as OTLP/JSON
/// (<c>otlp-protobuf-decoded/</c>) map to the same canonical events and points, field by field, so a store fed by both
/// exporters counts everything once.
/// </summary>
public sealed class OtlpEventMapperEncodingTests
{
    private const string HelloLogs = "otlp-protobuf/s04-sonnet45-protobuf-hello--0001-logs.pb";

    private static readonly OtlpEventMapper Mapper = new(PriceTableLoader.Load(), new OtlpMappingOptions());

    public static TheoryData<string> ProtobufBodies => [.. OtlpFixtures.ProtobufBodies];

    public static TheoryData<string> HelloLogsInBothEncodings => [HelloLogs, JsonTwinOf(HelloLogs)];

    [Theory]
    [MemberData(nameof(ProtobufBodies))]
    public void Map_ProtobufBodyAndItsJsonTwin_GiveIdenticalEventsAndPointsFieldByField(string body)
    {
        var signal = OtlpFixtures.Signal(body);

        var fromProtobuf = Mapper.Map(OtlpProtobufDecoder.Decode(signal, OtlpFixtures.Read(body)));
        var fromJson = Mapper.Map(OtlpJsonDecoder.Decode(signal, OtlpFixtures.Read(JsonTwinOf(body))));

        (fromProtobuf.Events.Count + fromProtobuf.Metrics.Count).ShouldBeGreaterThan(0);
        fromProtobuf.Rejected.ShouldBe(0);
        fromJson.Rejected.ShouldBe(0);
        ShouldBeSameFieldByField(fromProtobuf.Events, fromJson.Events, "event");
        ShouldBeSameFieldByField(fromProtobuf.Metrics, fromJson.Metrics, "point");
    }

    [Theory]
    [MemberData(nameof(HelloLogsInBothEncodings))]
    public void Map_ApiRequest_HasClaudeCodesTokensCostAndRequestIdAndTheRequestIdsIdentity(string body)
    {
        var request = Mapper.Map(OtlpFixtures.Decode(body)).Events.Where(e => e.Kind == EventKind.ApiRequest).ShouldHaveSingleItem();

        // The record: input 2723, output 15, cache read 0, cache creation 19125 (all 5-minute), cost_usd 0.08011275.
        request.Tokens.ShouldBe(new TokenUsage(2723, 15, 0, 19125, 0));
        request.ReportedCostUsd.ShouldBe(0.080112750000m);
        decimal.Round(request.ReportedCostUsd!.Value, 12).ShouldBe(request.ReportedCostUsd.Value);
        // Sonnet 4.5: 2723 × $3 + 15 × $15 + 19125 × $3.75 (5-minute write) per million = $0.08011275.
        request.ComputedCostUsd.ShouldBe(0.08011275m);
        request.RequestId.ShouldBe("req_stub_2120d3f56b414176864315e8");
        request.Id.ShouldBe(EventIdentity.ForApiRequest("req_stub_2120d3f56b414176864315e8"));
        request.Model.ShouldBe("claude-sonnet-4-5-20250929");
        request.SessionId.ShouldBe("35188a04-2529-4cfb-ab0c-85ab6d551535");
        request.TimestampUtc.ShouldBe(new DateTime(2026, 11, 25, 23, 36, 24, 850, DateTimeKind.Utc));
        request.DurationMs.ShouldBe(64);
        request.Source.ShouldBe(EventSource.Otlp);
        request.SourcePath.ShouldBe("otlp:35188a04-2529-4cfb-ab0c-85ab6d551535");
        request.SourceOffset.ShouldBe(5);
    }

    private static string JsonTwinOf(string protobufBody) =>
        "otlp-protobuf-decoded/" + Path.ChangeExtension(Path.GetFileName(protobufBody), ".json");

    // Every public property, so a field added later is compared too.
    private static void ShouldBeSameFieldByField<T>(IReadOnlyList<T> actual, IReadOnlyList<T> expected, string what)
    {
        actual.Count.ShouldBe(expected.Count, $"{what} count");
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        for (var i = 0; i < actual.Count; i++)
        {
            foreach (var property in properties)
            {
                Render(property.GetValue(actual[i])).ShouldBe(Render(property.GetValue(expected[i])), $"{what} {i}: {property.Name}");
            }
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "null",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture) + " " + time.Kind,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, string> bag => "{" + string.Join(", ", bag.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "}",
        IEnumerable and not string => throw new InvalidOperationException($"no rendering for {value.GetType()}"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
