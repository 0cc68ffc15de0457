namespace ContextCleaner.Server.Hosting;

/// <summary>How <c>telemetry serve</c> listens, protects and stores what it receives. Defaults in <see cref="ServerDefaults"/>.</summary>
public sealed record ServerOptions
{
    /// <summary>Address and port to listen on (<c>host:port</c>; port 0 picks a free one).</summary>
    public string Listen { get; init; } = ServerDefaults.Listen;

    /// <summary>When set, every request must carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? Token { get; init; }

    /// <summary>Keep prompt, response and tool-content text Claude Code sent unredacted.</summary>
    public bool StoreContent { get; init; }

    /// <summary>Largest accepted body, before and after gzip decompression.</summary>
    public long MaxBodyBytes { get; init; } = ServerDefaults.MaxBodyBytes;

    /// <summary>Records (events plus data points) waiting for a commit above which new requests get 503 at once.</summary>
    public int MaxPendingRecords { get; init; } = ServerDefaults.MaxPendingRecords;

    /// <summary>How long a request waits for its commit (store busy or locked) before it gets 503 and Retry-After.</summary>
    public TimeSpan CommitTimeout { get; init; } = ServerDefaults.CommitTimeout;

    /// <summary>How long the store stays open without traffic; closed, other commands can open it.</summary>
    public TimeSpan ReleaseStoreAfter { get; init; } = ServerDefaults.ReleaseStoreAfter;

    /// <summary>Checks every option; all problems in one message, or null.</summary>
    public string? Validate()
    {
        var problems = new List<string>();
        if (!ListenAddress.TryParse(Listen, out _))
        {
            problems.Add($"--listen '{Listen}' is not host:port (for example 127.0.0.1:4318)");
        }

        if (Token is { Length: 0 })
        {
            problems.Add("the token is empty");
        }

        if (MaxBodyBytes <= 0)
        {
            problems.Add($"--max-body-bytes {MaxBodyBytes} must be positive");
        }

        if (MaxPendingRecords <= 0)
        {
            problems.Add($"max pending records {MaxPendingRecords} must be positive");
        }

        return problems.Count == 0 ? null : "Invalid server options: " + string.Join("; ", problems) + ".";
    }
}
