using System.Data.Common;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file (or <c>:memory:</c>). Timestamps are stored as UTC <c>TIMESTAMP</c>; the
/// connection's time zone is set to UTC so that no implicit cast (a parameter bound as a zoned timestamp) can shift
/// them by the machine's zone. Report time zones are applied in Core (see docs/adr/0002).
/// </summary>
public sealed partial class DuckDbTelemetryStore : ITelemetryStore
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lockWait;
    private readonly HashSet<string> _staged = new(StringComparer.Ordinal);
    private bool _compressionReduced;     // a bulk write left FSST and dictionary compression off (see BulkWriteAsync)
    private DuckDBConnection? _connection;

    /// <summary>Creates a store on <paramref name="path"/> (a file path or <c>:memory:</c>); call <see cref="InitializeAsync"/> next.</summary>
    /// <param name="path">Database file, or <c>:memory:</c>.</param>
    /// <param name="time">Clock for migrations and lock waits.</param>
    /// <param name="lockWait">
    /// How long opening waits while another process holds the file (DuckDB lets one process open it for writing and
    /// then no other process at all: a running <c>telemetry serve</c>, or a statusline firing during a report).
    /// Default <see cref="DefaultLockWait"/>.
    /// </param>
    public DuckDbTelemetryStore(string path, TimeProvider time, TimeSpan? lockWait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _lockWait = lockWait ?? DefaultLockWait;
    }

    /// <summary>How long opening waits for another process's lock by default.</summary>
    public static TimeSpan DefaultLockWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// WAL size that triggers DuckDB's automatic checkpoint (default: DuckDB's 16 MB). A checkpoint runs inside the
    /// commit that crosses it and rewrites the appended rows compressed; a writer under sustained load (the OTLP
    /// receiver) checkpoints less often with a larger value, at the price of keeping more rows uncompressed in memory
    /// (about 500 bytes each) until the next checkpoint or close.
    /// </summary>
    public long? CheckpointThresholdBytes { get; init; }

    /// <inheritdoc />
    public string Description => $"duckdb://{_path}";

    private DuckDBConnection Connection => _connection ?? throw new InvalidOperationException("Call InitializeAsync first.");

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_path != ":memory:" && Path.GetDirectoryName(_path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _connection = await OpenWaitingForLockAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("SET TimeZone = 'UTC'", cancellationToken).ConfigureAwait(false);
        // DuckDB's allocator keeps freed pages for a second before returning them, longer than a whole import of a
        // 1 GB history runs; pages freed in bulk (a checkpoint dropping appended rows) then count against the
        // process for its lifetime: ~30 MB at the peak of that import. Return bulk frees at once.
        await ExecuteAsync("SET allocator_bulk_deallocation_flush_threshold = '1MB'", cancellationToken).ConfigureAwait(false);
        if (CheckpointThresholdBytes is { } threshold)
        {
            await ExecuteAsync($"SET checkpoint_threshold = '{threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}B'", cancellationToken)
                .ConfigureAwait(false);
        }

        await new DuckDbMigrator(_connection, _time).MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    // Another process holding the file is normal here (the server writes a batch, a report runs): retry with a growing
    // pause (10 ms doubling to 250 ms) until the lock wait is over. Any other failure is reported at once.
    private async Task<DuckDBConnection> OpenWaitingForLockAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var connection = new DuckDBConnection($"Data Source={_path}");
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (DuckDBException e)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                if (!DuckDbErrors.IsLockConflict(e) || _time.GetElapsedTime(started) + pause > _lockWait)
                {
                    throw DuckDbErrors.OnOpen(_path, e, _lockWait);
                }
            }

            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new Dictionary<string, FileCheckpoint>(StringComparer.Ordinal);
        await using var command = Command("SELECT path, size, last_write_ticks, offset_bytes, fingerprint, fingerprint_length FROM import_files");
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
        await using var command = Command("SELECT 'api_request', count(*) FROM api_requests UNION ALL SELECT kind, count(*) FROM events GROUP BY kind");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = EventKindNames.FromName(reader.GetString(0));
            counts[kind] = counts.GetValueOrDefault(kind) + reader.GetInt64(1);
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
    }

    private DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using DbCommand command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
