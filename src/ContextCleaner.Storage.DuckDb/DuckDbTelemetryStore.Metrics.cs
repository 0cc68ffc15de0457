using System.Text.Json;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    private async Task WriteMetricsAsync(IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return;
        }

        await StageAsync("staged_points", "metric_points", cancellationToken).ConfigureAwait(false);
        using (var appender = Connection.CreateAppender("temp", "main", "staged_points"))
        {
            foreach (var p in points)
            {
                appender.CreateRow()
                    .AppendValue(p.Id)
                    .AppendValue(p.SeriesId)
                    .AppendValue(p.Name)
                    .AppendValue(p.Unit)
                    .AppendValue(MetricTemporalityNames.ToName(p.Temporality))
                    .AppendValue(p.IsMonotonic)
                    .AppendValue(p.StartUtc)
                    .AppendValue(p.TimestampUtc)
                    .AppendValue(p.Value)
                    .AppendValue(p.Count)
                    .AppendValue(p.SessionId)
                    .AppendValue(p.Model)
                    .AppendValue(p.Type)
                    .AppendValue(p.Attributes is { Count: > 0 } a ? JsonSerializer.Serialize(a, DuckDbJsonContext.Default.IReadOnlyDictionaryStringString) : null)
                    .EndRow();
            }
        }

        // A re-sent point has the same id: keep the first copy (a point never changes once sent).
        await ExecuteAsync("""
            INSERT INTO metric_points
            SELECT * FROM (SELECT DISTINCT ON (point_id) * FROM staged_points) s ANTI JOIN metric_points m ON m.point_id = s.point_id
            """, cancellationToken).ConfigureAwait(false);
    }
}
