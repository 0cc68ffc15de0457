using System.Runtime.CompilerServices;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = ClickHouseUsageSql.Aggregate(_database, query);
        return await _gateway.QueryAsync(sql, r => StoreRows.UsageAggregate(r, query.BucketMinutes), cancellationToken, [.. parameters])
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = ClickHouseUsageSql.Entries(_database, filter);
        await foreach (var entry in _gateway.StreamAsync(sql, StoreRows.UsageEntry, cancellationToken, [.. parameters]).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
