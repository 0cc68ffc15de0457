using System.Globalization;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

/// <summary>
/// Metric points are stored as sent; <c>metric_deltas.delta</c> is what each one adds: a delta point its value, a
/// cumulative point the growth since the previous point of its series and window start. Summing <c>delta</c> must give
/// what the series counted, whatever the temporality, the arrival order or how often a point was re-sent.
/// </summary>
public sealed class DuckDbMetricDeltaTests
{
    private static readonly DateTime Origin = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    private static readonly Guid InputTokens = Series("input");

    private static readonly Guid OutputTokens = Series("output");

    /// <summary>
    /// Scenario, temporality, the points in arrival order as <c>start@end=value</c> (minutes after <see cref="Origin"/>),
    /// the expected sum of deltas and the number of points stored; each in one batch per point and all in one batch.
    /// </summary>
    public static TheoryData<string, MetricTemporality, string, double, long, bool> Scenarios() => new()
    {
        // Hand sums: 10 + 15 + 5; the last running total 40 (never 10 + 25 + 40 = 75); 40 before the reset, then 9 since it.
        { "delta", MetricTemporality.Delta, "0@1=10 1@2=15 2@3=5", 30, 3, false },
        { "delta", MetricTemporality.Delta, "0@1=10 1@2=15 2@3=5", 30, 3, true },
        { "cumulative", MetricTemporality.Cumulative, "0@1=10 0@2=25 0@3=40", 40, 3, false },
        { "cumulative", MetricTemporality.Cumulative, "0@1=10 0@2=25 0@3=40", 40, 3, true },
        { "cumulative reset", MetricTemporality.Cumulative, "0@1=40 5@6=7 5@7=9", 49, 3, false },
        { "cumulative reset", MetricTemporality.Cumulative, "0@1=40 5@6=7 5@7=9", 49, 3, true },
        { "cumulative out of order", MetricTemporality.Cumulative, "0@2=25 0@1=10 0@3=40", 40, 3, false },
        { "cumulative out of order", MetricTemporality.Cumulative, "0@2=25 0@1=10 0@3=40", 40, 3, true },
        { "cumulative re-sent", MetricTemporality.Cumulative, "0@1=10 0@2=25 0@2=25 0@3=40 0@3=40", 40, 3, false },
        { "cumulative re-sent", MetricTemporality.Cumulative, "0@1=10 0@2=25 0@2=25 0@3=40 0@3=40", 40, 3, true },
        { "delta re-sent", MetricTemporality.Delta, "0@1=10 1@2=15 1@2=15 2@3=5 0@1=10", 30, 3, false },
        { "delta re-sent", MetricTemporality.Delta, "0@1=10 1@2=15 1@2=15 2@3=5 0@1=10", 30, 3, true },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task SumOfDeltas_OneSeries_IsWhatTheSeriesCounted(string scenario, MetricTemporality temporality, string points, double expected,
        long stored, bool oneBatch)
    {
        await using var test = await TestStore.OpenAsync();
        var sent = Parse(points).Select(p => Point(InputTokens, temporality, p.Start, p.End, p.Value)).ToList();

        if (oneBatch)
        {
            await WriteAsync(test, sent);
        }
        else
        {
            foreach (var point in sent)
            {
                await WriteAsync(test, [point]);
            }
        }

        var row = (await test.QueryFileAsync("SELECT sum(delta), count(*) FROM metric_deltas")).ShouldHaveSingleItem();
        row[0].ShouldBe(expected, scenario);
        row[1].ShouldBe(stored, scenario);
    }

    [Fact]
    public async Task SumOfDeltas_TwoCumulativeSeriesInterleaved_AreIndependent()
    {
        await using var test = await TestStore.OpenAsync();

        // Same metric, start and timestamps; only the type attribute (and so the series) differs.
        await WriteAsync(test, [Point(InputTokens, MetricTemporality.Cumulative, 0, 1, 10), Point(OutputTokens, MetricTemporality.Cumulative, 0, 1, 100)]);
        await WriteAsync(test, [Point(OutputTokens, MetricTemporality.Cumulative, 0, 2, 130), Point(InputTokens, MetricTemporality.Cumulative, 0, 2, 25)]);
        await WriteAsync(test, [Point(InputTokens, MetricTemporality.Cumulative, 0, 3, 40)]);

        var sums = (await test.QueryFileAsync("SELECT type, sum(delta) FROM metric_deltas GROUP BY type ORDER BY type"))
            .Select(r => ((string)r[0]!, (double)r[1]!)).ToList();
        sums.ShouldBe([("input", 40d), ("output", 130d)]);
    }

    [Fact]
    public async Task WriteAsync_PointResentAfterReopen_IsStoredOnceWithTheFirstCopysFields()
    {
        await using var test = await TestStore.OpenAsync();
        var point = Point(InputTokens, MetricTemporality.Cumulative, 0, 1, 10);
        await WriteAsync(test, [point]);
        await test.ReopenAsync();

        await WriteAsync(test, [point, point]);

        var rows = await test.QueryFileAsync(
            "SELECT point_id, series_id, name, unit, temporality, is_monotonic, start_ts, ts, value, session_id, model, type, delta FROM metric_deltas");
        rows.ShouldHaveSingleItem().ShouldBe(new object?[]
        {
            point.Id, InputTokens, "claude_code.token.usage", "tokens", "cumulative", true, Origin, Origin.AddMinutes(1), 10d, "s1",
            HandRequests.Sonnet45, "input", 10d,
        });
    }

    private static Task<WriteResult> WriteAsync(TestStore test, IReadOnlyList<MetricPoint> points) =>
        test.Store.WriteAsync(new EventBatch([], []) { Metrics = points }, TestContext.Current.CancellationToken);

    // A point's identity is its series and window, as the OTLP mapper derives it: a re-sent point has the same id.
    private static MetricPoint Point(Guid series, MetricTemporality temporality, int startMinute, int endMinute, double value) => new()
    {
        Id = EventIdentity.ForKey("test-point", series.ToString("N"), $"{startMinute}\u001f{endMinute}"),
        SeriesId = series,
        Name = "claude_code.token.usage",
        Unit = "tokens",
        Temporality = temporality,
        IsMonotonic = true,
        StartUtc = Origin.AddMinutes(startMinute),
        TimestampUtc = Origin.AddMinutes(endMinute),
        Value = value,
        SessionId = "s1",
        Model = HandRequests.Sonnet45,
        Type = series == InputTokens ? "input" : "output",
    };

    private static Guid Series(string type) => EventIdentity.ForKey("test-series", "claude_code.token.usage", type);

    private static IEnumerable<(int Start, int End, double Value)> Parse(string points) =>
        points.Split(' ').Select(p =>
        {
            var (window, value) = (p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var at = window.IndexOf('@', StringComparison.Ordinal);
            return (int.Parse(window[..at], CultureInfo.InvariantCulture), int.Parse(window[(at + 1)..], CultureInfo.InvariantCulture),
                double.Parse(value, CultureInfo.InvariantCulture));
        });
}
