using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Core.Tests.Storage;

public sealed class StoreUriTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("duckdb:///data/x.duckdb", "duckdb", "/data/x.duckdb")]
    [InlineData("duckdb://:memory:", "duckdb", ":memory:")]
    [InlineData("/data/y.duckdb", "duckdb", "/data/y.duckdb")]
    [InlineData("clickhouse://u:pw@db:8123/team?mode=collector", "clickhouse", "u:pw@db:8123/team?mode=collector")]
    [InlineData("ClickHouses://db/team", "clickhouses", "db/team")]
    public void Parse_KnownSchemes_KindAndLocation(string value, string scheme, string location)
    {
        var uri = StoreUri.Parse(value);

        uri.Scheme.ShouldBe(scheme);
        uri.Location.ShouldBe(location);
    }

    [Theory]
    [InlineData("postgres://alice:s3cret@db/x", "postgres://alice:***@db/x")]
    [InlineData("mysql://db/x", "mysql://db/x")]
    public void Parse_UnsupportedScheme_UserErrorWithoutThePassword(string value, string shown)
    {
        var error = Should.Throw<ContextCleanerException>(() => StoreUri.Parse(value));

        error.ExitCode.ShouldBe(2);
        error.Message.ShouldStartWith($"Unsupported store \"{shown}\"");
        error.Message.ShouldNotContain("s3cret");
    }

    [Fact]
    public void Resolve_OptionThenEnvironmentThenDefaultFile()
    {
        var environment = new Dictionary<string, string> { [StoreUri.EnvironmentVariable] = "clickhouse://db/team", ["XDG_DATA_HOME"] = "/xdg" };

        StoreUri.Resolve("duckdb:///a.duckdb", environment.GetValueOrDefault).Location.ShouldBe("/a.duckdb");
        StoreUri.Resolve(null, environment.GetValueOrDefault).Scheme.ShouldBe("clickhouse");
        StoreUri.Resolve(null, NoEnvironment).Scheme.ShouldBe("duckdb");
        StoreUri.Resolve(null, new Dictionary<string, string> { ["XDG_DATA_HOME"] = "/xdg" }.GetValueOrDefault).Location
            .ShouldBe("/xdg/context-cleaner/telemetry.duckdb");
    }
}
