using ClickHouse.Driver.ADO;
using ContextCleaner.Core;
using Shouldly;

namespace ContextCleaner.Storage.ClickHouse.Tests;

public sealed class ClickHouseStoreLocationTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("clickhouse://alice:s3cret@db.example:9000/team_usage", "Host=db.example;Port=9000;Protocol=http;Username=alice;Password=s3cret",
        "team_usage", "clickhouse://alice:***@db.example:9000/team_usage")]
    [InlineData("clickhouses://db.example/x", "Host=db.example;Port=8443;Protocol=https;Username=default;Password=", "x", "clickhouses://default@db.example:8443/x")]
    [InlineData("clickhouse://localhost", "Host=localhost;Port=8123;Protocol=http;Username=default;Password=", "context_cleaner",
        "clickhouse://default@localhost:8123/context_cleaner")]
    [InlineData("clickhouse://bob:p%3Bw@h:8123/d", "Host=h;Port=8123;Protocol=http;Username=bob;Password=\"p;w\"", "d", "clickhouse://bob:***@h:8123/d")]
    public void Parse_Uri_ConnectionStringDatabaseAndMaskedDisplay(string uri, string connectionString, string database, string display)
    {
        var location = ClickHouseStoreLocation.Parse(uri, NoEnvironment);

        location.ShouldBe(new ClickHouseStoreLocation(connectionString, database, display));
    }

    [Fact]
    public void Parse_NoCredentialsInUri_TakesThemFromTheEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            [ClickHouseStoreLocation.UserVariable] = "ci",
            [ClickHouseStoreLocation.PasswordVariable] = "pw",
        };

        var location = ClickHouseStoreLocation.Parse("clickhouse://h:8123/d", environment.GetValueOrDefault);

        location.ConnectionString.ShouldBe("Host=h;Port=8123;Protocol=http;Username=ci;Password=pw");
        location.DisplayUri.ShouldBe("clickhouse://ci:***@h:8123/d");
    }

    [Theory]
    [InlineData("clickhouse://u:topsecret@h:8123/bad-name")]
    [InlineData("duckdb://u:topsecret@h/x")]
    public void Parse_Invalid_UserErrorWithoutThePassword(string uri)
    {
        var error = Should.Throw<ContextCleanerException>(() => ClickHouseStoreLocation.Parse(uri, NoEnvironment));

        error.ExitCode.ShouldBe(2);
        error.Message.ShouldNotContain("topsecret");
    }

    [Fact]
    public async Task Store_FromLocation_OpensTheRealServer()
    {
        var url = Environment.GetEnvironmentVariable(Support.ClickHouseTestStore.UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip($"No local ClickHouse: set {Support.ClickHouseTestStore.UrlVariable} (scripts/test.sh does).");
        }

        var server = new Uri(url);
        var database = "t_" + Guid.NewGuid().ToString("N");
        var location = ClickHouseStoreLocation.Parse($"clickhouse://{server.Host}:{server.Port}/{database}", NoEnvironment);
        await using (var store = new ClickHouseTelemetryStore(location, TimeProvider.System))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            (await store.CountEventsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            store.Description.ShouldBe($"clickhouse://default@{server.Host}:{server.Port}/{database}");
        }

        await using var connection = new ClickHouseConnection(location.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE {database}";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
