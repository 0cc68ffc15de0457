namespace ContextCleaner.Cli.Infrastructure;

/// <summary>Phase timings on standard error when CONTEXT_CLEANER_TRACE is set (for benchmarks and profiling).</summary>
internal static class Trace
{
    private static readonly bool Enabled = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTEXT_CLEANER_TRACE"));

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var sinceStart = TimeProvider.System.GetUtcNow().UtcDateTime - System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
            Console.Error.WriteLine($"trace {sinceStart.TotalMilliseconds,8:0.0} ms  {phase}");
        }
    }
}
