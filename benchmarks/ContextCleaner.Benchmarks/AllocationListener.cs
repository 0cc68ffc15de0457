using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ContextCleaner.Benchmarks;

/// <summary>Samples allocations (one event per ~100 KB) by type, to find what an import allocates.</summary>
internal sealed class AllocationListener : EventListener
{
    public ConcurrentDictionary<string, long> Bytes { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3" && e.Payload is { } payload && e.PayloadNames is { } names)
        {
            var type = payload[names.IndexOf("TypeName")]?.ToString() ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount")], System.Globalization.CultureInfo.InvariantCulture);
            Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
        }
    }
}
