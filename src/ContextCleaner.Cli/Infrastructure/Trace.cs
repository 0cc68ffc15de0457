using System.Diagnostics;
using System.Globalization;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>
/// With <c>CONTEXT_CLEANER_TRACE</c> set, one line per phase on standard error: time since the process started, GC
/// heap and allocations, and (on Linux) peak resident memory. What benchmarks/results.md's phase notes come from.
/// </summary>
internal static class Trace
{
    private static readonly bool Enabled = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTEXT_CLEANER_TRACE"));

    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var sinceStart = TimeProvider.System.GetUtcNow().UtcDateTime - Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var memory = OperatingSystem.IsLinux()
            ? string.Join(" ", File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("VmHWM", StringComparison.Ordinal)))
            : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace {sinceStart.TotalMilliseconds,8:0.0} ms  {phase,-16} gc heap {GC.GetTotalMemory(false) >> 20} MB, "
            + $"allocated {GC.GetTotalAllocatedBytes() >> 20} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, "
            + $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms  {memory}"));
    }
}
