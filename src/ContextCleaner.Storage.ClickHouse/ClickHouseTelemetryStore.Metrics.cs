using System.Text.Json;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    private static readonly string[] MetricColumns =
    [
        "point_id", "series_id", "name", "unit", "temporality", "is_monotonic", "start_ts", "ts", "value", "count", "session_id", "model", "type",
        "attributes",
    ];

    // A re-sent point has the same id: the first copy stays (a point never changes once sent).
    private async Task WriteMetricsAsync(IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return;
        }

        var stored = await StoredIdsAsync("metric_points", "point_id", points.Select(p => p.Id), cancellationToken).ConfigureAwait(false);
        var rows = points.DistinctBy(p => p.Id).Where(p => !stored.Contains(p.Id)).Select(p => new object?[]
        {
            p.Id, p.SeriesId, p.Name, p.Unit, MetricTemporalityNames.ToName(p.Temporality), p.IsMonotonic, p.StartUtc, p.TimestampUtc, p.Value,
            p.Count, p.SessionId, p.Model, p.Type,
            p.Attributes is { Count: > 0 } a ? JsonSerializer.Serialize(a, ClickHouseJsonContext.Default.IReadOnlyDictionaryStringString) : null,
        }).ToList();
        if (rows.Count > 0)
        {
            await InsertAsync("metric_points", MetricColumns, rows, cancellationToken).ConfigureAwait(false);
        }
    }
}
