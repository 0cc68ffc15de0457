using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// The team store in native mode: the project's own schema in one ClickHouse database, read and written over HTTP with
/// the official ClickHouse.Driver. Queries go through ADO commands with server-side parameters; bulk writes go through
/// <see cref="ClickHouseClient.InsertBinaryAsync(string, IEnumerable{string}, IEnumerable{object[]}, InsertOptions, CancellationToken)"/>
/// (RowBinary). Every read of an event table uses <c>FINAL</c>, so a row replaced by a preferred copy is never counted
/// twice even before ClickHouse merges the parts. ClickHouse has no multi-statement transactions: a write stores the
/// events first and the import checkpoints last, so a write cut short is repeated by the next import and deduplicated.
/// </summary>
public sealed partial class ClickHouseTelemetryStore : ITelemetryStore
{
    private readonly string _connectionString;
    private readonly string _database;
    private readonly TimeProvider _time;
    private ClickHouseConnection? _connection;
    private ClickHouseClient? _client;

    /// <summary>Creates a store; call <see cref="InitializeAsync"/> next.</summary>
    /// <param name="connectionString">ClickHouse.Driver connection string (<c>Host=…;Port=8123;Username=…;Password=…</c>).</param>
    /// <param name="database">
    /// Database holding the tables, created if missing. A name is an identifier, not a value, so it cannot be a query
    /// parameter: it must match <c>[A-Za-z_][A-Za-z0-9_]*</c> and is rejected otherwise.
    /// </param>
    /// <param name="time">Clock for migration records.</param>
    public ClickHouseTelemetryStore(string connectionString, string database, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (!ClickHouseIdentifier.IsValid(database))
        {
            throw new ArgumentException($"Invalid ClickHouse database name \"{database}\": use letters, digits and underscores.", nameof(database));
        }

        _connectionString = connectionString;
        _database = database;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Description = $"clickhouse database {database}";
    }

    /// <summary>Creates a store at a parsed <c>clickhouse://</c> location; call <see cref="InitializeAsync"/> next.</summary>
    /// <param name="location">Connection and database (see <see cref="ClickHouseStoreLocation.Parse"/>).</param>
    /// <param name="time">Clock for migration records.</param>
    public ClickHouseTelemetryStore(ClickHouseStoreLocation location, TimeProvider time)
        : this((location ?? throw new ArgumentNullException(nameof(location))).ConnectionString, location.Database, time)
    {
        Description = location.DisplayUri;
    }

    /// <inheritdoc />
    public string Description { get; }

    private ClickHouseConnection Connection => _connection ?? throw new InvalidOperationException("Call InitializeAsync first.");

    private ClickHouseClient Client => _client ?? throw new InvalidOperationException("Call InitializeAsync first.");

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _connection = new ClickHouseConnection(_connectionString);
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        _client = new ClickHouseClient(_connectionString);
        await new ClickHouseMigrator(_connection, _database, _time).MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new Dictionary<string, FileCheckpoint>(StringComparer.Ordinal);
        using var command = Command($"SELECT path, size, last_write_ticks, offset_bytes, fingerprint, fingerprint_length FROM {_database}.import_files FINAL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var checkpoint = StoreRows.Checkpoint(reader);
            checkpoints[checkpoint.Path] = checkpoint;
        }

        return checkpoints;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<EventKind, long>> CountEventsAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<EventKind, long>();
        using var command = Command($"""
            SELECT 'api_request' AS kind, toInt64(count()) FROM {_database}.api_requests FINAL
            UNION ALL SELECT kind, toInt64(count()) FROM {_database}.events FINAL GROUP BY kind
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = EventKindNames.FromName(reader.GetString(0));
            var count = reader.GetInt64(1);
            if (count > 0)
            {
                counts[kind] = counts.GetValueOrDefault(kind) + count;
            }
        }

        return counts;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }

        _client?.Dispose();
        _client = null;
    }

    private ClickHouseCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        ClickHouseCommands.Create(Connection, sql, parameters);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<long> InsertAsync(string table, IEnumerable<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        Client.InsertBinaryAsync($"{_database}.{table}", columns, rows!, null!, cancellationToken);

}
