namespace ContextCleaner.Server.Hosting;

/// <summary>Defaults of <see cref="ServerOptions"/>.</summary>
public static class ServerDefaults
{
    /// <summary>Loopback only, OTLP/HTTP's standard port.</summary>
    public const string Listen = "127.0.0.1:4318";

    /// <summary>64 MiB: the limit the OTLP specification recommends (Claude Code's batches are a few KB).</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    /// <summary>About two seconds of the benchmark's rate waiting at once.</summary>
    public const int MaxPendingRecords = 200_000;

    /// <summary>Below the OTLP exporters' default 10 s timeout, so the exporter sees our 503 rather than its own timeout.</summary>
    public static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Short, so a report or statusline started between exports gets the store at once.</summary>
    public static readonly TimeSpan ReleaseStoreAfter = TimeSpan.FromMilliseconds(200);
}
