using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse.Collector;

/// <summary>The analytics queries of the native store, over <c>otel_logs</c> seen as the native tables.</summary>
internal sealed partial class ClickHouseCollectorStore
{
    public async Task<IReadOnlyList<EventTally>> QueryEventTalliesAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (requests, events, sources) = Sources();
        var (sql, parameters) = ClickHouseAnalyticsSql.Tallies(requests, events, filter);
        return await gateway.QueryAsync(sql, StoreRows.EventTally, cancellationToken, [.. parameters, .. sources]).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ErrorTally>> QueryErrorsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (_, events, sources) = Sources();
        var (sql, parameters) = ClickHouseAnalyticsSql.Errors(events, filter);
        return await gateway.QueryAsync(sql, StoreRows.ErrorTally, cancellationToken, [.. parameters, .. sources]).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ToolTally>> QueryToolsAsync(UsageQuery filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (_, events, sources) = Sources();
        var (sql, parameters) = ClickHouseAnalyticsSql.Tools(events, filter);
        return await gateway.QueryAsync(sql, StoreRows.ToolTally, cancellationToken, [.. parameters, .. sources]).ConfigureAwait(false);
    }

    // The whole table seen as native rows; the query's own filter then applies to those columns. (The usage queries, the
    // hot path, filter inside instead, before the de-duplication, so that Timestamp pruning applies.)
    private (string Requests, string Events, List<(string Name, object? Value)> Parameters) Sources()
    {
        var (requests, requestParameters) = CollectorSql.Requests(Schema, new UsageQuery());
        var (events, eventParameters) = CollectorEventsSql.Events(Schema, new UsageQuery());
        return ($"({requests})", $"({events})", [.. requestParameters, .. eventParameters]);
    }
}
