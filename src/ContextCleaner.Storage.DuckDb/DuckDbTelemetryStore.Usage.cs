using System.Runtime.CompilerServices;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageAggregate>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = DuckDbUsageSql.Aggregate(query);
        await using var command = Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<UsageAggregate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(StoreRows.UsageAggregate(reader, query.BucketMinutes));
        }

        return rows;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageEntry> ReadUsageEntriesAsync(UsageQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = DuckDbUsageSql.Entries(filter);
        await using var command = Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return StoreRows.UsageEntry(reader);
        }
    }
}
