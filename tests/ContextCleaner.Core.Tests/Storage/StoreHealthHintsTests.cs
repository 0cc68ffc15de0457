using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ContextCleaner.Core.Tests.Storage;

public sealed class StoreHealthHintsTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static readonly Dictionary<MetricTemporality, long> NoPoints = [];

    private static readonly Dictionary<MetricTemporality, long> DeltaPoints = new() { [MetricTemporality.Delta] = 40 };

    private static DateTime Now => Time.GetUtcNow().UtcDateTime;

    [Fact]
    public void For_EmptyStore_SaysHowToFillItAndNothingElse()
    {
        var hints = StoreHealthHints.For(Tables(rows: 0, newest: null), null, NoPoints, Now);

        var hint = hints.ShouldHaveSingleItem();
        hint.ShouldContain("empty");
        hint.ShouldContain("context-cleaner import");
        hint.ShouldContain("context-cleaner telemetry serve");
        hint.ShouldContain("--print-env");
    }

    [Fact]
    public void For_OnlyImportCheckpoints_IsStillEmpty()
    {
        // Transcripts were read but held no usage: import_files has rows, no table has a time.
        StoreTableStatus[] tables = [new("api_requests", true, 0, null), new("import_files", true, 3, null)];

        StoreHealthHints.For(tables, null, NoPoints, Now).ShouldHaveSingleItem().ShouldContain("empty");
    }

    [Fact]
    public void For_FreshEventsAndDeltaMetrics_GivesNoHint()
    {
        var newest = Now.AddHours(-23);

        StoreHealthHints.For(Tables(rows: 5, newest), newest, DeltaPoints, Now).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(25, "25 hours old")]
    [InlineData(24 * 3 + 5, "3 days old")]
    public void For_NewestEventOlderThanADay_SaysHowOldAndWhatToCheck(int hoursAgo, string age)
    {
        var newest = Now.AddHours(-hoursAgo);

        var hint = StoreHealthHints.For(Tables(rows: 5, newest), newest, DeltaPoints, Now).ShouldHaveSingleItem();

        hint.ShouldContain(age);
        hint.ShouldContain(newest.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
        hint.ShouldContain("CLAUDE_CODE_ENABLE_TELEMETRY");
        hint.ShouldContain("context-cleaner import");
    }

    [Fact]
    public void For_EventsWithoutMetricPoints_SaysMetricsAreNotExported()
    {
        var newest = Now.AddMinutes(-5);

        var hint = StoreHealthHints.For(Tables(rows: 5, newest), newest, NoPoints, Now).ShouldHaveSingleItem();

        hint.ShouldContain("No metric points");
        hint.ShouldContain("OTEL_METRICS_EXPORTER=otlp");
    }

    [Fact]
    public void For_MetricPointsWithoutEvents_SaysLogsAreNotExported()
    {
        var hint = StoreHealthHints.For(Tables(rows: 0, newest: null), null, DeltaPoints, Now).ShouldHaveSingleItem();

        hint.ShouldContain("OTEL_LOGS_EXPORTER=otlp");
    }

    [Fact]
    public void For_CumulativePoints_NotesDeltaDefaultAndNoDoubleCounting()
    {
        var newest = Now.AddMinutes(-5);
        var points = new Dictionary<MetricTemporality, long> { [MetricTemporality.Delta] = 3, [MetricTemporality.Cumulative] = 1_200 };

        var hint = StoreHealthHints.For(Tables(rows: 5, newest), newest, points, Now).ShouldHaveSingleItem();

        hint.ShouldContain("1,200 metric points are cumulative");
        hint.ShouldContain("default is delta");
        hint.ShouldContain("nothing is counted twice");
    }

    [Fact]
    public void For_StaleEventsAndNoMetrics_GivesBothHintsStaleFirst()
    {
        var newest = Now.AddDays(-10);

        var hints = StoreHealthHints.For(Tables(rows: 5, newest), newest, NoPoints, Now);

        hints.Count.ShouldBe(2);
        hints[0].ShouldContain("10 days old");
        hints[1].ShouldContain("OTEL_METRICS_EXPORTER=otlp");
    }

    [Fact]
    public void For_NewestEventInTheFuture_IsNotStale()
    {
        var newest = Now.AddHours(2);

        StoreHealthHints.For(Tables(rows: 5, newest), newest, DeltaPoints, Now).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, "0 seconds")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(60 * 59 + 59, "59 minutes")]
    [InlineData(3600, "1 hour")]
    [InlineData(3600 * 47, "47 hours")]
    [InlineData(3600 * 48, "2 days")]
    [InlineData(-30, "0 seconds")]
    public void Age_Duration_InWholeUnitsOfTheRightSize(int seconds, string expected)
    {
        StoreHealthHints.Age(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }

    private static StoreTableStatus[] Tables(long rows, DateTime? newest) =>
        [new("api_requests", true, rows, newest), new("events", true, 0, null), new("import_files", true, 0, null)];
}
