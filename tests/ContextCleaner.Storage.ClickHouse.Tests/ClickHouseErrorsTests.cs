using System.Net;
using System.Net.Sockets;
using ClickHouse.Driver;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

public sealed class ClickHouseErrorsTests
{
    private static readonly ClickHouseStoreLocation Location = ClickHouseStoreLocation.Parse("clickhouse://u:pw@db:8123/d?timeout=30", _ => null);

    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "cut"), true },
        { new HttpRequestException("bad gateway", null, HttpStatusCode.BadGateway), true },
        { new HttpRequestException("unavailable", null, HttpStatusCode.ServiceUnavailable), true },
        { new ClickHouseServerException("Code: 202. DB::Exception: Too many simultaneous queries.", "SELECT 1", 202), true },
        { new ClickHouseServerException("Code: 252. DB::Exception: Too many parts.", "INSERT", 252), true },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), false },
        { new ClickHouseServerException("Code: 516. DB::Exception: u: Authentication failed", "SELECT 1", 516), false },
        { new ClickHouseServerException("Code: 60. DB::Exception: Unknown table", "SELECT 1", 60), false },
        { new ClickHouseServerException("Code: 159. DB::Exception: Timeout exceeded", "SELECT 1", 159), false },
        { new TaskCanceledException("timeout", new TimeoutException()), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_OnlyNamedTransientErrors(Exception failure, bool transient) =>
        ClickHouseErrors.IsTransient(failure).ShouldBe(transient);

    [Theory]
    [InlineData(516, "Code: 516. DB::Exception: u: Authentication failed: password is incorrect. (AUTHENTICATION_FAILED) (version 26.7.2.1)",
        "authentication failed (check the user and password in the URI or CONTEXT_CLEANER_CLICKHOUSE_USER/CONTEXT_CLEANER_CLICKHOUSE_PASSWORD)")]
    [InlineData(159, "Code: 159. DB::Exception: Timeout exceeded: elapsed 30000 ms. (TIMEOUT_EXCEEDED) (version 26.7.2.1)",
        "query timed out after 30 s (raise the limit with ?timeout=SECONDS)")]
    [InlineData(60, "Code: 60. DB::Exception: Unknown table expression identifier 'd.api_requests'. (UNKNOWN_TABLE) (version 26.7.2.1)\nStack trace…",
        "Unknown table expression identifier 'd.api_requests'. (UNKNOWN_TABLE)")]
    public void Translate_ServerError_OneLineWithTheMaskedStore(int code, string message, string cause)
    {
        var error = ClickHouseErrors.Translate(new ClickHouseServerException(message, "SELECT 1", code), Location, CancellationToken.None);

        error.ShouldNotBeNull().Message.ShouldBe("ClickHouse at clickhouse://u:***@db:8123/d: " + cause);
    }

    [Fact]
    public void Translate_CancellationTheCallerAskedFor_IsLetThrough()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        ClickHouseErrors.Translate(new OperationCanceledException(cancelled.Token), Location, cancelled.Token).ShouldBeNull();
    }
}
