using ClickHouse.Driver.ADO;
using Shouldly;

namespace ContextCleaner.ClickHouseLocal.Tests;

/// <summary>
/// The real ClickHouse server that scripts/clickhouse.sh starts without Docker (chDB's libchdb.so behind
/// tools/ContextCleaner.ClickHouseLocal), reached with the official ClickHouse.Driver over HTTP: what the ClickHouse
/// store is built on.
/// </summary>
public sealed class LocalClickHouseTests
{
    private const string UrlVariable = "CONTEXT_CLEANER_TEST_CLICKHOUSE";

    [Fact]
    public async Task Server_AnswersOverHttp_WithTheEngineVersionOfChdb()
    {
        await using var connection = await OpenAsync();

        var version = await ScalarAsync(connection, "SELECT version()");

        version.ShouldNotBeNull().ToString()!.ShouldStartWith("26.7.");
    }

    [Fact]
    public async Task Server_ParameterizedQueriesOverMapColumns_ReadValuesAndToleratesEmptyNumbers()
    {
        await using var connection = await OpenAsync();
        var database = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connection, $"CREATE DATABASE {database}");
        try
        {
            // The OpenTelemetry Collector's otel_logs keeps attributes in Map(LowCardinality(String), String); numbers
            // arrive as strings and can be empty (the seed's toFloat64('') failed a whole query on that).
            await ExecuteAsync(connection, $"CREATE TABLE {database}.logs (ts DateTime64(9), attrs Map(LowCardinality(String), String)) ENGINE = MergeTree ORDER BY ts");
            await ExecuteAsync(connection, $$"""
                INSERT INTO {{database}}.logs VALUES
                ('2026-11-25 23:36:24.253', {'event.name':'api_request','cost_usd':'0.08010225','input_tokens':'2722'}),
                ('2026-11-25 23:36:25.000', {'event.name':'api_request','cost_usd':'','input_tokens':''})
                """);

            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT sum(toFloat64OrZero(attrs['cost_usd'])), sum(toInt64OrZero(attrs[{{key:String}}])) FROM {database}.logs WHERE attrs['event.name'] = {{name:String}}";
            AddParameter(command, "key", "input_tokens");
            AddParameter(command, "name", "api_request");
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
            reader.GetDouble(0).ShouldBe(0.08010225, 1e-12);
            Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2722);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP DATABASE {database}");
        }
    }

    private static async Task<ClickHouseConnection> OpenAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip($"No local ClickHouse: run `bash scripts/clickhouse.sh start` and set {UrlVariable} to the URL it prints (scripts/test.sh does both).");
        }

        var uri = new Uri(url);
        var connection = new ClickHouseConnection($"Host={uri.Host};Port={uri.Port};Username=default");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static void AddParameter(ClickHouseCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<object?> ScalarAsync(ClickHouseConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ExecuteAsync(ClickHouseConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
