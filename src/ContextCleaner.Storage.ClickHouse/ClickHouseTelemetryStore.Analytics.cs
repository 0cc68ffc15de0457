using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    private string Events => $"{_database}.events FINAL";

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = ClickHouseAnalyticsSql.Tallies($"{_database}.api_requests FINAL", Events, filter);
        return await _gateway.QueryAsync(sql, StoreRows.EventTally, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = ClickHouseAnalyticsSql.Errors(Events, filter);
        return await _gateway.QueryAsync(sql, StoreRows.ErrorTally, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (sql, parameters) = ClickHouseAnalyticsSql.Tools(Events, filter);
        return await _gateway.QueryAsync(sql, StoreRows.ToolTally, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }
}
