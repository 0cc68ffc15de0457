namespace ContextCleaner.Storage.ClickHouse;

/// <summary>Defaults of <see cref="ClickHouseStoreLocation"/> and of the retry pipeline.</summary>
internal static class ClickHouseDefaults
{
    /// <summary>Longest a query may run: generous for a report over months of a team's events, short enough to notice a hang.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Longest wait for a connection: a server that does not answer SYN in this time is treated as down.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for a named transient error.</summary>
    public const int RetryAttempts = 3;

    /// <summary>First retry delay, doubled each time with jitter (0.2 s, 0.4 s, 0.8 s: a restart of a local server).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    // The client waits longer than the server-side limit (by up to 5 s), so the server's own TIMEOUT_EXCEEDED normally
    // arrives first; the client's limit catches a server or network that stopped answering altogether.
    internal static TimeSpan ClientTimeout(TimeSpan queryTimeout) => queryTimeout + TimeSpan.FromTicks(Math.Min(queryTimeout.Ticks, TimeSpan.TicksPerSecond * 5));
}
