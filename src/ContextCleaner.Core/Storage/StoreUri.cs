namespace ContextCleaner.Core.Storage;

/// <summary>
/// Which store to use: <c>duckdb:///abs/path.duckdb</c>, <c>duckdb://relative/path.duckdb</c>, <c>duckdb://:memory:</c>,
/// or (for teams) <c>clickhouse://host:8123/db</c>. A bare path means DuckDB.
/// </summary>
/// <param name="Scheme">Store kind: <c>duckdb</c> or <c>clickhouse</c>.</param>
/// <param name="Location">File path for DuckDB (or <c>:memory:</c>); host/db for ClickHouse.</param>
public sealed record StoreUri(string Scheme, string Location)
{
    /// <summary>Environment variable that selects the store when <c>--store</c> is absent.</summary>
    public const string EnvironmentVariable = "CONTEXT_CLEANER_STORE";

    /// <summary>Parses a store URI; a malformed one is a user error.</summary>
    public static StoreUri Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
        {
            return new StoreUri("duckdb", Path.GetFullPath(value));
        }

        var scheme = value[..separator].ToLowerInvariant();
        var rest = value[(separator + 3)..];
        return scheme switch
        {
            "duckdb" when rest == ":memory:" => new StoreUri("duckdb", rest),
            "duckdb" when rest.Length > 0 => new StoreUri("duckdb", Path.GetFullPath(rest)),
            "clickhouse" or "clickhouses" when rest.Length > 0 => new StoreUri(scheme, rest),
            _ => throw new ContextCleanerException(
                $"Unsupported store \"{MaskPassword(value)}\": use duckdb:///path/file.duckdb or clickhouse://user:password@host:8123/db.", 2),
        };
    }

    /// <summary>The store in effect: <paramref name="option"/>, else <see cref="EnvironmentVariable"/>, else the default DuckDB file.</summary>
    public static StoreUri Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Parse(option);
        }

        if (getEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Parse(fromEnvironment);
        }

        return new StoreUri("duckdb", DefaultDuckDbPath(getEnvironmentVariable));
    }

    /// <summary><c>$XDG_DATA_HOME/context-cleaner/telemetry.duckdb</c> (default <c>~/.local/share/…</c>).</summary>
    public static string DefaultDuckDbPath(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var dataHome = getEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(getEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "context-cleaner", "telemetry.duckdb");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}://{Location}";

    /// <summary>The URI with the password of <c>scheme://user:password@host</c> replaced by <c>***</c>, for messages.</summary>
    public static string MaskPassword(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var at = value.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return value;
        }

        var colon = value.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? value[..(colon + 1)] + "***" + value[at..] : value;
    }
}
