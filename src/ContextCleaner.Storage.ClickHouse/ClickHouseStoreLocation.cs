using System.Globalization;
using ClickHouse.Driver.ADO;
using ContextCleaner.Core;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Where a ClickHouse store lives, parsed from <c>clickhouse://user:password@host:8123/database?options</c>
/// (<c>clickhouses://</c> for TLS, default port 8443). User and password may instead come from <see cref="UserVariable"/>
/// and <see cref="PasswordVariable"/>, so they need not appear on a command line; the URI wins when it has them.
/// Options: <c>mode=auto|native|collector</c>, <c>timeout=SECONDS</c> (per query), <c>connect_timeout=SECONDS</c>,
/// <c>ttl_days=N</c> (native tables drop events older than that).
/// </summary>
/// <param name="ConnectionString">ClickHouse.Driver connection string (values quoted by its builder).</param>
/// <param name="Database">Database holding the store's tables.</param>
/// <param name="DisplayUri">The URI with the password masked, for messages.</param>
public sealed record ClickHouseStoreLocation(string ConnectionString, string Database, string DisplayUri)
{
    /// <summary>Environment variable with the user name, when the URI has none.</summary>
    public const string UserVariable = "CONTEXT_CLEANER_CLICKHOUSE_USER";

    /// <summary>Environment variable with the password, when the URI has none.</summary>
    public const string PasswordVariable = "CONTEXT_CLEANER_CLICKHOUSE_PASSWORD";

    /// <summary>Database used when the URI names none.</summary>
    public const string DefaultDatabase = "context_cleaner";

    /// <summary>Which tables to use.</summary>
    public ClickHouseStoreMode Mode { get; init; }

    /// <summary>Longest a query may run (enforced by the server, and by the client a little later).</summary>
    public TimeSpan QueryTimeout { get; init; } = ClickHouseDefaults.QueryTimeout;

    /// <summary>Longest wait for a TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = ClickHouseDefaults.ConnectTimeout;

    /// <summary>Days native event tables keep rows (null: forever).</summary>
    public int? TtlDays { get; init; }

    /// <summary>Parses a store URI; every problem is reported at once, as a user error (exit code 2).</summary>
    /// <param name="value">The URI.</param>
    /// <param name="getEnvironmentVariable">Environment lookup (credentials).</param>
    public static ClickHouseStoreLocation Parse(string value, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("clickhouse" or "clickhouses") || uri.Host.Length == 0)
        {
            throw new ContextCleanerException($"Invalid ClickHouse store \"{StoreUri.MaskPassword(value)}\": use clickhouse://user:password@host:8123/database.", 2);
        }

        var tls = uri.Scheme == "clickhouses";
        var (user, password) = Credentials(uri.UserInfo);
        user ??= getEnvironmentVariable(UserVariable) is { Length: > 0 } u ? u : "default";
        password ??= getEnvironmentVariable(PasswordVariable) ?? "";
        var database = uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : DefaultDatabase;
        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8443 : 8123) : uri.Port;
        var problems = new List<string>();
        if (!ClickHouseIdentifier.IsValid(database))
        {
            problems.Add($"database \"{database}\" must be letters, digits and underscores");
        }

        var options = ClickHouseUriOptions.Parse(uri.Query, problems);
        if (problems.Count > 0)
        {
            throw new ContextCleanerException($"Invalid ClickHouse store \"{StoreUri.MaskPassword(value)}\": {string.Join("; ", problems)}.", 2);
        }

        var builder = new ClickHouseConnectionStringBuilder
        {
            Host = uri.Host,
            Port = (ushort)port,
            Protocol = tls ? "https" : "http",
            Username = user,
            Password = password,
        };
        var display = string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{user}{(password.Length > 0 ? ":***" : "")}@{uri.Host}:{port}/{database}");
        return new ClickHouseStoreLocation(builder.ConnectionString, database, display)
        {
            Mode = options.Mode,
            QueryTimeout = options.QueryTimeout ?? ClickHouseDefaults.QueryTimeout,
            ConnectTimeout = options.ConnectTimeout ?? ClickHouseDefaults.ConnectTimeout,
            TtlDays = options.TtlDays,
        };
    }

    private static (string? User, string? Password) Credentials(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
