using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>Everything measured on one store in one run.</summary>
internal sealed class StoreMeasurements
{
    public required string Store { get; init; }

    public long Written { get; set; }

    public WriteResult WriteTotals { get; set; }

    /// <summary>Time inside <c>WriteAsync</c> only (generating the events is not counted).</summary>
    public TimeSpan WriteTime { get; set; }

    /// <summary>CPU time of this process inside <c>WriteAsync</c>.</summary>
    public TimeSpan WriteCpu { get; set; }

    /// <summary>CPU time of the server process during the bulk write, when there is one.</summary>
    public TimeSpan? ServerWriteCpu { get; set; }

    /// <summary>Time spent generating the events of the bulk write.</summary>
    public TimeSpan GenerationTime { get; set; }

    /// <summary>Wait for background work (merges) after the bulk write, before the queries.</summary>
    public TimeSpan SettleTime { get; set; }

    public long SizeBytes { get; set; }

    public long? ActiveParts { get; set; }

    public List<QueryTiming> Queries { get; } = [];

    public IReadOnlyDictionary<EventKind, long> Counts { get; set; } = new Dictionary<EventKind, long>();

    /// <summary>What the store's all-time aggregate sums to.</summary>
    public UsageTotals Totals { get; set; } = UsageTotals.Empty;

    /// <summary>What was generated.</summary>
    public UsageTotals Expected { get; set; } = UsageTotals.Empty;

    public Dictionary<EventKind, long> ExpectedCounts { get; } = [];

    public TimeSpan RedeliveryTime { get; set; }

    public WriteResult Redelivery { get; set; }

    public int RedeliveryEvents { get; set; }

    public TimeSpan FreshBatchTime { get; set; }

    public WriteResult FreshBatch { get; set; }

    public int FreshBatchEvents { get; set; }

    public List<string> Problems { get; } = [];
}
