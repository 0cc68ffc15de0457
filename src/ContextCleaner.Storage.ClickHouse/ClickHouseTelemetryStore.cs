using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// The team store in native mode: the project's own schema in one ClickHouse database, read and written over HTTP with
/// the official ClickHouse.Driver (through <see cref="ClickHouseGateway"/>: timeouts, retries of transient errors, one-line
/// errors). Queries have server-side parameters; bulk writes are RowBinary inserts. Every read of an event table uses
/// <c>FINAL</c>, so a row replaced by a preferred copy is never counted twice even before ClickHouse merges the parts.
/// ClickHouse has no multi-statement transactions: a write stores the events first and the import checkpoints last, so a
/// write cut short is repeated by the next import and deduplicated.
/// </summary>
public sealed partial class ClickHouseTelemetryStore : ITelemetryStore
{
    private readonly ClickHouseGateway _gateway;
    private readonly bool _ownsGateway;
    private readonly string _database;
    private readonly TimeProvider _time;

    /// <summary>Creates a store at a parsed <c>clickhouse://</c> location; call <see cref="InitializeAsync"/> next.</summary>
    /// <param name="location">Connection and database (see <see cref="ClickHouseStoreLocation.Parse"/>).</param>
    /// <param name="time">Clock for migration records and retry delays.</param>
    public ClickHouseTelemetryStore(ClickHouseStoreLocation location, TimeProvider time)
        : this(new ClickHouseGateway(location, time), time, ownsGateway: true)
    {
    }

    internal ClickHouseTelemetryStore(ClickHouseGateway gateway, TimeProvider time, bool ownsGateway)
    {
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _ownsGateway = ownsGateway;
        _database = gateway.Database;
        Description = gateway.Location.DisplayUri;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new ClickHouseMigrator(_gateway, _time).MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken)
    {
        var rows = await _gateway.QueryAsync(
            $"SELECT path, size, last_write_ticks, offset_bytes, fingerprint, fingerprint_length FROM {_database}.import_files FINAL",
            StoreRows.Checkpoint, cancellationToken).ConfigureAwait(false);
        var checkpoints = new Dictionary<string, FileCheckpoint>(StringComparer.Ordinal);
        foreach (var checkpoint in rows)
        {
            checkpoints[checkpoint.Path] = checkpoint;
        }

        return checkpoints;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken)
    {
        var rows = await _gateway.QueryAsync($"""
            SELECT 'api_request' AS kind, toInt64(count()) FROM {_database}.api_requests FINAL
            UNION ALL SELECT kind, toInt64(count()) FROM {_database}.events FINAL GROUP BY kind
            """, r => (Kind: EventKindNames.FromName(r.GetString(0)), Count: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<EventKind, long>();
        foreach (var (kind, count) in rows.Where(r => r.Count > 0))
        {
            counts[kind] = counts.GetValueOrDefault(kind) + count;
        }

        return counts;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsGateway)
        {
            await _gateway.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _gateway.ExecuteAsync(sql, cancellationToken, parameters);

    private Task<long> InsertAsync(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        _gateway.InsertAsync(table, columns, rows, cancellationToken);
}
