using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>What <c>telemetry health-check</c> reports about a store that answered.</summary>
public sealed record StoreHealth
{
    /// <summary>The store, as <see cref="ITelemetryStore.Description"/> (passwords masked).</summary>
    public required string Store { get; init; }

    /// <summary>Engine and version, e.g. <c>DuckDB v1.4.1</c> or <c>ClickHouse 26.7.2.1</c>.</summary>
    public required string Engine { get; init; }

    /// <summary><c>embedded</c>, <c>native</c> (the project's schema) or <c>collector</c> (the OpenTelemetry Collector's tables).</summary>
    public required string Mode { get; init; }

    /// <summary>Schema details: the migration version, or the collector schema generation detected.</summary>
    public required string Schema { get; init; }

    /// <summary>The tables read, with row counts and freshness.</summary>
    public required IReadOnlyList<StoreTableStatus> Tables { get; init; }

    /// <summary>Newest event of any kind, UTC (null when there is none).</summary>
    public DateTime? NewestEventUtc { get; init; }

    /// <summary>Metric points per temporality (Claude Code sends delta unless told otherwise).</summary>
    public required IReadOnlyDictionary<MetricTemporality, long> MetricPoints { get; init; }

    /// <summary>What to do about what is missing or odd, one sentence each.</summary>
    public required IReadOnlyList<string> Hints { get; init; }
}
