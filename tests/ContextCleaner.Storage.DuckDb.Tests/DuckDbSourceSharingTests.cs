using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;
using ContextCleaner.Storage.DuckDb.Tests.Support;
using DuckDB.NET.Data;
using Shouldly;

namespace ContextCleaner.Storage.DuckDb.Tests;

/// <summary>
/// A transcript file belongs to one session and project: the store keeps them once in <c>sources</c> and reads them
/// back through views, while events that differ from their source (or have none) keep their own.
/// </summary>
public sealed class DuckDbSourceSharingTests
{
    private static readonly TokenUsage Tokens = new(100, 10, 0, 0, 0);

    [Fact]
    public async Task WriteAsync_EventsOfOneSource_StoreSessionAndProjectOnceAndReportThemPerEvent()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync(
        [
            TestEvents.Request("a", TestEvents.At(3, 10), Tokens, 1m, session: "s1", project: "p1", sourcePath: "/t/p1/s1.jsonl"),
            TestEvents.Request("b", TestEvents.At(3, 11), Tokens, 1m, session: "s1", project: "p1", sourcePath: "/t/p1/s1.jsonl"),
            TestEvents.Request("c", TestEvents.At(3, 12), Tokens, 1m, session: "s2", project: "p1", sourcePath: "/t/p1/s1.jsonl"),
            TestEvents.Request("d", TestEvents.At(3, 13), Tokens, 1m, session: "s3", project: "p9", sourcePath: null),
        ]);
        await test.WriteAsync([TestEvents.Request("e", TestEvents.At(4, 9), Tokens, 1m, session: "s1", project: "p1", sourcePath: "/t/p1/s1.jsonl")]);

        var sessions = await test.Store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
        sessions.Select(r => $"{r.SessionId}/{r.Project}={r.Requests}").Order().ShouldBe(["s1/p1=3", "s2/p1=1", "s3/p9=1"]);
        var stored = await test.QueryFileAsync("SELECT count(*) FILTER (WHERE session_id IS NULL AND project IS NULL), count(*) FROM api_requests");
        stored.ShouldHaveSingleItem().ShouldBe([3L, 5L]);
        var viaView = await test.QueryFileAsync("SELECT session_id, count(*) FROM all_events GROUP BY ALL ORDER BY 1");
        viaView.Select(r => $"{r[0]}={r[1]}").ShouldBe(["s1=3", "s2=1", "s3=1"]);
    }

    [Fact]
    public async Task QueryUsageAsync_FilterByProjectOrSession_MatchesValuesKeptOnTheSource()
    {
        await using var test = await TestStore.OpenAsync();
        await test.WriteAsync(
        [
            TestEvents.Request("a", TestEvents.At(3, 10), Tokens, 1m, session: "s1", project: "p1", sourcePath: "/t/p1/s1.jsonl"),
            TestEvents.Request("b", TestEvents.At(3, 11), Tokens, 1m, session: "s2", project: "p2", sourcePath: "/t/p2/s2.jsonl"),
        ]);

        var p1 = await test.Store.QueryUsageAsync(new UsageQuery { Project = "p1" }, TestContext.Current.CancellationToken);
        var s2 = await test.Store.QueryUsageAsync(new UsageQuery { SessionId = "s2" }, TestContext.Current.CancellationToken);

        p1.ShouldHaveSingleItem().Requests.ShouldBe(1);
        s2.ShouldHaveSingleItem().Requests.ShouldBe(1);
        s2[0].Tokens.ShouldBe(Tokens);
    }

    [Fact]
    public async Task InitializeAsync_StoreWrittenBySchemaOne_MovesSessionsToSourcesAndKeepsEveryReport()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("old.duckdb");
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var statements = new List<string>(DuckDbMigrations.All[0].Statements)
            {
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
                "INSERT INTO schema_migrations VALUES (1, 'v1', TIMESTAMP '2026-01-01 00:00:00')",
                "INSERT INTO sources VALUES (1, '/t/p1/s1.jsonl'), (2, '/t/p2/s2.jsonl')",
                """
                INSERT INTO api_requests (event_id, ts, session_id, project, model, input_tokens, output_tokens, cache_read_tokens,
                    cache_write_5m_tokens, cache_write_1h_tokens, is_sidechain, source_id)
                VALUES (uuid(), TIMESTAMP '2025-11-03 10:00:00', 's1', 'p1', 'claude-sonnet-4-5-20250929', 100, 10, 0, 0, 0, false, 1),
                       (uuid(), TIMESTAMP '2025-11-03 11:00:00', 's1', 'p1', 'claude-sonnet-4-5-20250929', 200, 20, 0, 0, 0, false, 1),
                       (uuid(), TIMESTAMP '2025-11-03 12:00:00', 's2', 'p2', 'claude-sonnet-4-5-20250929', 300, 30, 0, 0, 0, false, 2),
                       (uuid(), TIMESTAMP '2025-11-03 13:00:00', 's9', 'p9', 'claude-sonnet-4-5-20250929', 400, 40, 0, 0, 0, false, NULL)
                """,
                "INSERT INTO events (event_id, kind, ts, session_id, project, is_sidechain, source_id) VALUES (uuid(), 'api_error', TIMESTAMP '2025-11-03 10:30:00', 's2', 'p2', false, 2)",
            };
            foreach (var sql in statements)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
        }

        await using (var store = new DuckDbTelemetryStore(path, TimeProvider.System))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            var sessions = await store.QueryUsageAsync(new UsageQuery { BySession = true }, TestContext.Current.CancellationToken);
            sessions.Select(r => $"{r.SessionId}/{r.Project}={r.Tokens.Input}").Order().ShouldBe(["s1/p1=300", "s2/p2=300", "s9/p9=400"]);
        }

        await using var check = new DuckDBConnection($"Data Source={path}");
        await check.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = check.CreateCommand();
        query.CommandText = """
            SELECT (SELECT string_agg(location || '=' || session_id || '/' || project, ',' ORDER BY source_id) FROM sources),
                   (SELECT count(*) FROM api_requests WHERE session_id IS NULL),
                   (SELECT string_agg(session_id, ',') FROM all_events WHERE kind = 'api_error')
            """;
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        reader.GetString(0).ShouldBe("/t/p1/s1.jsonl=s1/p1,/t/p2/s2.jsonl=s2/p2");
        reader.GetInt64(1).ShouldBe(3);
        reader.GetString(2).ShouldBe("s2");
    }
}
