namespace ContextCleaner.Core.Events;

/// <summary>Stable names of <see cref="MetricTemporality"/> as stored in every store's <c>metric_points.temporality</c>.</summary>
public static class MetricTemporalityNames
{
    /// <summary>The stored name: <c>delta</c>, <c>cumulative</c> or <c>unspecified</c>.</summary>
    public static string ToName(MetricTemporality temporality) => temporality switch
    {
        MetricTemporality.Delta => "delta",
        MetricTemporality.Cumulative => "cumulative",
        _ => "unspecified",
    };

    /// <summary>Parses a stored name; unknown names are <see cref="MetricTemporality.Unspecified"/>.</summary>
    public static MetricTemporality FromName(string name) => name switch
    {
        "delta" => MetricTemporality.Delta,
        "cumulative" => MetricTemporality.Cumulative,
        _ => MetricTemporality.Unspecified,
    };
}
