using System.Data.Common;
using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>
/// Rows every SQL store returns in the same column order, read the same way, so two stores cannot drift apart in how
/// they turn a row into a result.
/// </summary>
public static class StoreRows
{
    /// <summary>
    /// A usage aggregate from columns: bucket index (or NULL), session, project, model, the five token sums, requests,
    /// computed / reported / auto cost, unpriced and uncosted request counts, first and last time.
    /// </summary>
    public static UsageAggregate UsageAggregate(DbDataReader reader, int? bucketMinutes)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new UsageAggregate
        {
            BucketStartUtc = reader.IsDBNull(0) ? null : DateTime.UnixEpoch.AddTicks(reader.GetInt64(0) * bucketMinutes!.Value * TimeSpan.TicksPerMinute),
            SessionId = reader.IsDBNull(1) ? null : reader.GetString(1),
            Project = reader.IsDBNull(2) ? null : reader.GetString(2),
            Model = reader.GetString(3),
            Tokens = new TokenUsage(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)),
            Requests = reader.GetInt64(9),
            ComputedCostUsd = reader.GetDecimal(10),
            ReportedCostUsd = reader.GetDecimal(11),
            AutoCostUsd = reader.GetDecimal(12),
            UnpricedRequests = reader.GetInt64(13),
            UncostedRequests = reader.GetInt64(14),
            FirstUtc = Utc(reader.GetDateTime(15)),
            LastUtc = Utc(reader.GetDateTime(16)),
        };
    }

    /// <summary>A usage entry from columns: time, model, the five token counts, computed cost, reported cost.</summary>
    public static UsageEntry UsageEntry(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new UsageEntry(Utc(reader.GetDateTime(0)), reader.GetString(1),
            new TokenUsage(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : reader.GetDecimal(7), reader.IsDBNull(8) ? null : reader.GetDecimal(8));
    }

    /// <summary>An event tally from columns: session (or NULL), kind name, count, first and last time.</summary>
    public static EventTally EventTally(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new EventTally(reader.IsDBNull(0) ? null : reader.GetString(0), EventKindNames.FromName(reader.GetString(1)), reader.GetInt64(2),
            Utc(reader.GetDateTime(3)), Utc(reader.GetDateTime(4)));
    }

    /// <summary>
    /// An error tally from columns: kind name, status code, error type, model (each possibly NULL), count, distinct
    /// sessions, highest attempt (or NULL), first and last time.
    /// </summary>
    public static ErrorTally ErrorTally(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ErrorTally(EventKindNames.FromName(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetInt32(6), Utc(reader.GetDateTime(7)), Utc(reader.GetDateTime(8)));
    }

    /// <summary>
    /// A tool tally from columns: tool name, results, succeeded, failed, timed results, total duration (ms), accepted,
    /// rejected.
    /// </summary>
    public static ToolTally ToolTally(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ToolTally(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>A file checkpoint from columns: path, size, last-write ticks, offset, fingerprint, fingerprint length.</summary>
    public static FileCheckpoint Checkpoint(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new FileCheckpoint(reader.GetString(0), reader.GetInt64(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
            reader.GetInt64(3), reader.GetFieldValue<ulong>(4), reader.GetInt32(5));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
