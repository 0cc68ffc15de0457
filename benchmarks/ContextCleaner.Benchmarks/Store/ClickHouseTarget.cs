using System.Diagnostics;
using System.Globalization;
using ClickHouse.Driver.ADO;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// The ClickHouse native store in a database of its own, dropped before the run; administrative statements (drop,
/// version, part sizes) go through the driver on the same connection settings.
/// </summary>
internal sealed class ClickHouseTarget(string uri, int? serverPid) : StoreTarget
{
    private readonly ClickHouseStoreLocation _location = ClickHouseStoreLocation.Parse(uri, Environment.GetEnvironmentVariable);

    public override string Name => "ClickHouse";

    public override async Task<ITelemetryStore> OpenEmptyAsync(CancellationToken cancellationToken)
    {
        await DeleteAsync(cancellationToken);
        var store = new ClickHouseTelemetryStore(_location, TimeProvider.System);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public override async Task<long> SizeBytesAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync($"SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '{_location.Database}' AND active", cancellationToken),
            CultureInfo.InvariantCulture);

    /// <summary>Active parts of the event tables (FINAL reads merge across them).</summary>
    public async Task<long> ActivePartsAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(
            $"SELECT count() FROM system.parts WHERE database = '{_location.Database}' AND table IN ('api_requests', 'events') AND active", cancellationToken),
            CultureInfo.InvariantCulture);

    // Queries right after a bulk insert would race the merges it started (two cores here): measure the settled store,
    // as it is between imports, and report how long settling took.
    public override async Task<TimeSpan> SettleAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(10)
            && Convert.ToInt64(await ScalarAsync($"SELECT count() FROM system.merges WHERE database = '{_location.Database}'", cancellationToken),
                CultureInfo.InvariantCulture) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        Convert.ToString(await ScalarAsync("SELECT version()", cancellationToken), CultureInfo.InvariantCulture) ?? "?";

    public override TimeSpan? ServerCpu()
    {
        if (serverPid is not { } pid)
        {
            return null;
        }

        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    public override async Task DeleteAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"DROP DATABASE IF EXISTS {_location.Database} SYNC", cancellationToken);

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new ClickHouseConnection(_location.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
