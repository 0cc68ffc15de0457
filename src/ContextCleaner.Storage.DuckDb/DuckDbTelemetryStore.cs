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
    private DuckDBConnection? _connection;

    /// <summary>Creates a store on <paramref name="path"/> (a file path or <c>:memory:</c>); call <see cref="InitializeAsync"/> next.</summary>
    public DuckDbTelemetryStore(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

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

        var connection = new DuckDBConnection($"Data Source={_path}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw DuckDbErrors.OnOpen(_path, e);
        }

        _connection = connection;
        await ExecuteAsync("SET TimeZone = 'UTC'", cancellationToken).ConfigureAwait(false);
        // DuckDB's allocator keeps freed pages for a second before returning them, longer than a whole import of a
        // 1 GB history runs; pages freed in bulk (a checkpoint dropping appended rows) then count against the
        // process for its lifetime: ~30 MB at the peak of that import. Return bulk frees at once.
        await ExecuteAsync("SET allocator_bulk_deallocation_flush_threshold = '1MB'", cancellationToken).ConfigureAwait(false);
        // DuckDB's allocator keeps freed pages for a second before returning them, longer than a whole import of a
        // 1 GB history runs; pages freed in bulk (a checkpoint dropping appended rows) then count against the
        // process for its lifetime: ~30 MB at the peak of that import. Return bulk frees at once.
        await ExecuteAsync("SET allocator_bulk_deallocation_flush_threshold = '1MB'", cancellationToken).ConfigureAwait(false);
        if (Environment.GetEnvironmentVariable("CC_DUCKSET") is { } diagSet)
        {
            await ExecuteAsync(diagSet, cancellationToken).ConfigureAwait(false);
        }
        await new DuckDbMigrator(connection, _time).MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, FileCheckpoint>> LoadCheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new Dictionary<string, FileCheckpoint>(StringComparer.Ordinal);
        await using var command = Command("SELECT path, size, last_write_ticks, offset_bytes, fingerprint, fingerprint_length FROM import_files");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var path = reader.GetString(0);
            checkpoints[path] = new FileCheckpoint(path, reader.GetInt64(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                reader.GetInt64(3), reader.GetFieldValue<ulong>(4), reader.GetInt32(5));
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
