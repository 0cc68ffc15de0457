using System.Data.Common;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QueryAsync(DuckDbAnalyticsSql.Tallies(filter), StoreRows.EventTally, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QueryAsync(DuckDbAnalyticsSql.Errors(filter), StoreRows.ErrorTally, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QueryAsync(DuckDbAnalyticsSql.Tools(filter), StoreRows.ToolTally, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>((string Sql, List<(string, object?)> Parameters) query, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = Command(query.Sql, [.. query.Parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
