using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.ClickHouse.Collector;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// A ClickHouse store as the CLI opens it from a <c>clickhouse://</c> URI: on <see cref="InitializeAsync"/> it checks
/// that the server answers (version, credentials), picks the mode — the project's own tables
/// (<see cref="ClickHouseTelemetryStore"/>) or the OpenTelemetry Collector's (read-only) — and hands every call to it.
/// In <see cref="ClickHouseStoreMode.Auto"/> a database with the project's <c>schema_migrations</c> is native, one with
/// only the collector's <c>otel_logs</c> is collector, and an empty or missing one becomes native.
/// </summary>
public sealed class ClickHouseStore : DelegatingTelemetryStore
{
    private readonly ClickHouseGateway _gateway;
    private readonly PriceTable _prices;
    private readonly TimeProvider _time;
    private ITelemetryStore? _inner;

    /// <summary>Creates the store; nothing is contacted before <see cref="InitializeAsync"/>.</summary>
    /// <param name="location">Parsed URI (<see cref="ClickHouseStoreLocation.Parse"/>).</param>
    /// <param name="prices">Price table (collector mode computes costs at read time).</param>
    /// <param name="time">Clock for migration records and health checks ("now").</param>
    /// <param name="retryClock">Clock the retry delays wait on (default: <paramref name="time"/>).</param>
    public ClickHouseStore(ClickHouseStoreLocation location, PriceTable prices, TimeProvider time, TimeProvider? retryClock = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _gateway = new ClickHouseGateway(location, retryClock ?? time);
    }

    /// <summary>The mode in use (after <see cref="InitializeAsync"/>; <see cref="ClickHouseStoreMode.Auto"/> before).</summary>
    public ClickHouseStoreMode Mode { get; private set; }

    /// <inheritdoc />
    public override string Description => _gateway.Location.DisplayUri + (Mode == ClickHouseStoreMode.Collector ? " (collector tables)" : "");

    /// <inheritdoc />
    public override bool IsReadOnly => Mode == ClickHouseStoreMode.Collector;

    /// <inheritdoc />
    public override bool IsExclusive => false;

    /// <inheritdoc />
    protected override ITelemetryStore Inner => _inner ?? throw new InvalidOperationException("Call InitializeAsync first.");

    /// <inheritdoc />
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gateway.VersionAsync(cancellationToken).ConfigureAwait(false);
        var mode = _gateway.Location.Mode == ClickHouseStoreMode.Auto ? await DetectAsync(cancellationToken).ConfigureAwait(false) : _gateway.Location.Mode;
        ITelemetryStore inner = mode == ClickHouseStoreMode.Collector
            ? new ClickHouseCollectorStore(_gateway, _prices, _time)
            : new ClickHouseTelemetryStore(_gateway, _time, ownsGateway: false);
        await inner.InitializeAsync(cancellationToken).ConfigureAwait(false);
        (_inner, Mode) = (inner, mode);
    }

    /// <inheritdoc />
    protected override async ValueTask CloseAsync()
    {
        if (_inner is not null)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }

        await _gateway.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<ClickHouseStoreMode> DetectAsync(CancellationToken cancellationToken)
    {
        var tables = await _gateway.QueryAsync("SELECT name FROM system.tables WHERE database = {db:String}", r => r.GetString(0), cancellationToken,
            ("db", _gateway.Database)).ConfigureAwait(false);
        return !tables.Contains("schema_migrations") && tables.Contains(CollectorSchema.LogsTable)
            ? ClickHouseStoreMode.Collector
            : ClickHouseStoreMode.Native;
    }
}
