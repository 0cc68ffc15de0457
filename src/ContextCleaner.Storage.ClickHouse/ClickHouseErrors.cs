using System.Net;
using System.Net.Sockets;
using ClickHouse.Driver;
using ContextCleaner.Core;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// What a ClickHouse failure means: whether it is worth retrying, and the one line a user reads — the store's URI
/// (password masked) and the cause, with a hint where the fix is known.
/// </summary>
internal static class ClickHouseErrors
{
    // ClickHouse error codes (src/Common/ErrorCodes.cpp) that say "the same request may succeed in a moment".
    private static readonly HashSet<int> TransientCodes =
    [
        202, // TOO_MANY_SIMULTANEOUS_QUERIES
        209, // SOCKET_TIMEOUT
        210, // NETWORK_ERROR
        242, // TABLE_IS_READ_ONLY (a replica lost its Keeper session)
        252, // TOO_MANY_PARTS (inserts faster than merges)
        319, // UNKNOWN_STATUS_OF_INSERT
        999, // KEEPER_EXCEPTION
    ];

    private static readonly HashSet<int> AuthenticationCodes = [192, 193, 194, 516]; // UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED

    private const int TimeoutExceeded = 159;

    public static bool IsTransient(Exception exception) => exception switch
    {
        ClickHouseServerException server => TransientCodes.Contains(server.ErrorCode),
        HttpRequestException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        HttpRequestException http => http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded,
        _ => false,
    };

    /// <summary>The user-facing error, or null to let the exception through (a cancellation the caller asked for).</summary>
    public static ContextCleanerException? Translate(Exception exception, ClickHouseStoreLocation location, CancellationToken cancellationToken)
    {
        if (exception is ContextCleanerException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        return new ContextCleanerException($"ClickHouse at {location.DisplayUri}: {Cause(exception, location)}", 1, exception);
    }

    private static string Cause(Exception exception, ClickHouseStoreLocation location) => exception switch
    {
        ClickHouseServerException server when AuthenticationCodes.Contains(server.ErrorCode) =>
            $"authentication failed (check the user and password in the URI or {ClickHouseStoreLocation.UserVariable}/{ClickHouseStoreLocation.PasswordVariable})",
        ClickHouseServerException { ErrorCode: TimeoutExceeded } =>
            $"query timed out after {Seconds(location.QueryTimeout)} s (raise the limit with ?timeout=SECONDS)",
        ClickHouseServerException server => ServerMessage(server.Message),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host not found",
        HttpRequestException http when Find<SocketException>(http) is { SocketErrorCode: SocketError.ConnectionRefused } =>
            "connection refused (is the server running, and is this its HTTP port?)",
        HttpRequestException http when Find<TimeoutException>(http) is not null =>
            $"no connection within {Seconds(location.ConnectTimeout)} s (raise it with ?connect_timeout=SECONDS)",
        HttpRequestException http => http.StatusCode is { } status ? $"HTTP {(int)status} {http.Message}" : http.Message,
        OperationCanceledException when Find<TimeoutException>(exception) is not null =>
            $"no answer within {Seconds(ClickHouseDefaults.ClientTimeout(location.QueryTimeout))} s (raise the limit with ?timeout=SECONDS)",
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    // "Code: 60. DB::Exception: Unknown table expression identifier 'x.y' in scope …. (UNKNOWN_TABLE) (version 26.7.2.1)"
    // → "Unknown table expression identifier 'x.y' in scope …. (UNKNOWN_TABLE)"
    private static string ServerMessage(string message)
    {
        var line = FirstLine(message);
        const string marker = "DB::Exception: ";
        var start = line.IndexOf(marker, StringComparison.Ordinal);
        if (start >= 0)
        {
            line = line[(start + marker.Length)..];
        }

        var version = line.LastIndexOf(" (version ", StringComparison.Ordinal);
        return version > 0 ? line[..version] : line;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
