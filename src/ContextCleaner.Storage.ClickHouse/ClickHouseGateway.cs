using System.Data.Common;
using System.Net;
using System.Runtime.CompilerServices;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Polly;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// The one way the ClickHouse stores talk to the server: one HTTP client with the location's connect timeout, the
/// query timeout enforced by the server (<c>max_execution_time</c>) and by the client a little later, every call through
/// the retry pipeline (<see cref="ClickHouseResilience"/>), and every failure turned into a one-line
/// <see cref="Core.ContextCleanerException"/> naming the store (<see cref="ClickHouseErrors"/>).
/// </summary>
internal sealed class ClickHouseGateway : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClickHouseClient _client;
    private readonly ClickHouseConnection _connection;
    private readonly ResiliencePipeline _pipeline;

    public ClickHouseGateway(ClickHouseStoreLocation location, TimeProvider time)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        ArgumentNullException.ThrowIfNull(time);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = location.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = ClickHouseDefaults.ClientTimeout(location.QueryTimeout),
        };
        // Parameters travel in the request body (a form), not the URL: a duplicate check sends a whole batch's ids
        // (ClickHouseIdSet), megabytes past the 1 MiB URL limit.
        var settings = new ClickHouseClientSettings(location.ConnectionString) { HttpClient = _http, Timeout = _http.Timeout, UseFormDataParameters = true };
        settings.CustomSettings["max_execution_time"] = (int)Math.Ceiling(location.QueryTimeout.TotalSeconds);
        // Every copy of a native event lives in one monthly partition (the writer deletes a replaced row itself when the
        // winner moves to another month), so FINAL may merge each partition on its own: in parallel, and only the
        // partitions a time filter keeps (last 7 days of 10 M events: 0.13 s -> 0.01 s).
        settings.CustomSettings["do_not_merge_across_partitions_select_final"] = 1;
        _client = new ClickHouseClient(settings);
        _connection = _client.CreateConnection();
        _pipeline = ClickHouseResilience.Create(time);
    }

    public ClickHouseStoreLocation Location { get; }

    public string Database => Location.Database;

    /// <summary>Server version; also proves the server is reachable and the credentials are right.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT version()", cancellationToken).ConfigureAwait(false) as string ?? "";

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) =>
        await RunAsync(async token =>
        {
            using var command = ClickHouseCommands.Create(_connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Rows one at a time, for results too large to hold: the query is retried until it starts answering; a failure
    /// while rows arrive is reported, not retried (rows already yielded cannot be taken back).
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, Func<DbDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var (command, reader) = await RunAsync(async token =>
        {
            var command = ClickHouseCommands.Create(_connection, sql, parameters);
            try
            {
                return (command, await command.ExecuteReaderAsync(token).ConfigureAwait(false));
            }
            catch
            {
                command.Dispose();
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
        using (command)
        await using (reader)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (ClickHouseErrors.Translate(e, Location, cancellationToken) is { } translated)
                {
                    throw translated;
                }

                if (!more)
                {
                    yield break;
                }

                yield return read(reader);
            }
        }
    }

    public Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        RunAsync(async token =>
        {
            using var command = ClickHouseCommands.Create(_connection, sql, parameters);
            var value = await command.ExecuteScalarAsync(token).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }, cancellationToken);

    public Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        RunAsync(async token =>
        {
            using var command = ClickHouseCommands.Create(_connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// A RowBinary insert. Safe to retry: every table is a ReplacingMergeTree keyed by identity, so rows of an insert
    /// that reached the server before the connection broke collapse with their second copy.
    /// </summary>
    public Task<long> InsertAsync(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        RunAsync(token => _client.InsertBinaryAsync($"{Database}.{table}", columns, rows!, null!, token), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
        _http.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static async (state, token) => await state(token).ConfigureAwait(false), action, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (ClickHouseErrors.Translate(e, Location, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
