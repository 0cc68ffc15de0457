using System.Globalization;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// The hints every store gives in its <see cref="StoreHealth"/>, from what it holds: how to fill an empty store, what to
/// check when the data stopped arriving, and what the metric temporality means for the totals. Stores add their own
/// hints (a missing collector table, a schema from a newer version) after these.
/// </summary>
public static class StoreHealthHints
{
    /// <summary>Age of the newest event past which a store counts as stale (Claude Code in daily use sends events every few seconds).</summary>
    public static TimeSpan StaleAfter { get; } = TimeSpan.FromDays(1);

    /// <summary>The generic hints, in the order a user should act on them.</summary>
    /// <param name="tables">Tables read, with rows and newest times.</param>
    /// <param name="newestEventUtc">Newest event of any kind (null when none).</param>
    /// <param name="metricPoints">Metric points per temporality.</param>
    /// <param name="nowUtc">The current time, from the caller's <see cref="TimeProvider"/>.</param>
    public static IReadOnlyList<string> For(IReadOnlyList<StoreTableStatus> tables, DateTime? newestEventUtc,
        IReadOnlyDictionary<MetricTemporality, long> metricPoints, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(metricPoints);
        var points = metricPoints.Values.Sum();
        var hints = new List<string>();

        // A table with a newest time has rows in time; import checkpoints alone (no times) are not data to report on.
        if (newestEventUtc is null && points == 0 && !tables.Any(t => t.NewestUtc is not null))
        {
            hints.Add("The store is empty: run `context-cleaner import` to load Claude Code's transcripts, or run `context-cleaner telemetry serve` "
                + "and start Claude Code with the variables `context-cleaner telemetry serve --print-env` prints.");
            return hints;
        }

        if (newestEventUtc is { } newest && nowUtc - newest > StaleAfter)
        {
            hints.Add($"The newest event is {Age(nowUtc - newest)} old ({newest.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): "
                + "check that Claude Code still exports to this store (CLAUDE_CODE_ENABLE_TELEMETRY=1 and the OTEL_* variables of "
                + "`context-cleaner telemetry serve --print-env`), or run `context-cleaner import` for newer transcripts.");
        }

        if (newestEventUtc is null && points > 0)
        {
            hints.Add("Metric points but no events: Claude Code sends its events (api_request, api_error, tool_result, …) as logs, "
                + "only with OTEL_LOGS_EXPORTER=otlp.");
        }

        if (newestEventUtc is not null && points == 0)
        {
            hints.Add("No metric points: transcripts carry none, and Claude Code exports them only with OTEL_METRICS_EXPORTER=otlp "
                + "(see `context-cleaner telemetry serve --print-env`).");
        }

        if (metricPoints.GetValueOrDefault(MetricTemporality.Cumulative) is > 0 and var cumulative)
        {
            var count = cumulative == 1 ? "1 metric point is" : cumulative.ToString("N0", CultureInfo.InvariantCulture) + " metric points are";
            hints.Add($"{count} cumulative, while Claude Code's default is delta "
                + "(OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE): metric totals take the differences within each cumulative series "
                + "instead of summing its points, so nothing is counted twice.");
        }

        return hints;
    }

    /// <summary>A duration as a person says it: <c>45 seconds</c>, <c>12 minutes</c>, <c>30 hours</c>, <c>3 days</c> (whole units, rounded down).</summary>
    /// <param name="age">The duration; negative counts as zero.</param>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var (value, unit) = age switch
        {
            { TotalMinutes: < 1 } => ((long)age.TotalSeconds, "second"),
            { TotalHours: < 1 } => ((long)age.TotalMinutes, "minute"),
            { TotalDays: < 2 } => ((long)age.TotalHours, "hour"),
            _ => ((long)age.TotalDays, "day"),
        };
        return value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? "" : "s");
    }
}
