using System.Runtime.CompilerServices;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = ClickHouseUsageSql.Aggregate(_database, query);
        using var command = Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<UsageAggregate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new UsageAggregate
            {
                BucketStartUtc = reader.IsDBNull(0) ? null : DateTime.UnixEpoch.AddTicks(reader.GetInt64(0) * query.BucketMinutes!.Value * TimeSpan.TicksPerMinute),
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
            });
        }

        return rows;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = ClickHouseUsageSql.Entries(_database, filter);
        using var command = Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new UsageEntry(Utc(reader.GetDateTime(0)), reader.GetString(1),
                new TokenUsage(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7), reader.IsDBNull(8) ? null : reader.GetDecimal(8));
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
