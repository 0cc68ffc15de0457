using System.Collections.Concurrent;
using System.Text.Json;
using ContextCleaner.Cli.Tests.Support;
using Shouldly;

namespace ContextCleaner.Cli.Tests.EndToEnd;

/// <summary><c>telemetry serve</c> as a real process: next to other commands on one store, killed under load, stopped by SIGTERM.</summary>
public sealed class ServeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _work = new();
    private readonly Dictionary<string, string> _environment;

    public ServeTests() => _environment = new Dictionary<string, string> { ["HOME"] = _work.Path, ["XDG_DATA_HOME"] = _work.Combine("data") };

    [Fact]
    public async Task Serve_RunningWhileReportsRunInOtherProcesses_NoCommandFailsWithALockError()
    {
        using var timeout = Timeout();
        var store = Store("shared");
        using var server = await ServeProcess.StartAsync(store, _environment, timeout.Token);
        (await server.PostAsync("logs", OtlpBatches.ApiRequests("s-1", 0, 20), "application/json", timeout.Token)).ShouldBe(200);

        // Two reports at once while an exporter keeps posting: each waits its turn for the file.
        var posting = Task.Run(async () =>
        {
            for (var batch = 1; batch <= 10; batch++)
            {
                (await server.PostAsync("logs", OtlpBatches.ApiRequests("s-1", batch, 20), "application/json", timeout.Token)).ShouldBe(200);
            }
        }, timeout.Token);
        var reports = await Task.WhenAll(
            CliProcess.RunAsync(["report", "session", "--json", "--no-import", "--store", store], _environment, timeout.Token),
            CliProcess.RunAsync(["report", "daily", "--json", "--no-import", "--store", store], _environment, timeout.Token));
        await posting;

        foreach (var report in reports)
        {
            report.ExitCode.ShouldBe(0, report.Error);
        }

        var session = JsonDocument.Parse(reports[0].Output).RootElement.GetProperty("sessions").EnumerateArray().ShouldHaveSingleItem();
        session.GetProperty("sessionId").GetString().ShouldBe("s-1");
        (await server.TerminateAsync(timeout.Token)).ExitCode.ShouldBe(0);
        var final = await CliProcess.RunAsync(["report", "session", "--json", "--no-import", "--store", store], _environment, timeout.Token);
        JsonDocument.Parse(final.Output).RootElement.GetProperty("sessions")[0].GetProperty("inputTokens").GetInt64().ShouldBe(11 * 20 * 100);
    }

    [Fact]
    public async Task Serve_KilledWithSigkillUnderLoad_EveryAcknowledgedBatchStoredExactlyOnce()
    {
        using var timeout = Timeout();
        var store = Store("killed");
        var acknowledged = new ConcurrentDictionary<(int Sender, int Batch), bool>();
        const int senders = 4;
        const int batches = 40;
        const int records = 25;

        var server = await ServeProcess.StartAsync(store, _environment, timeout.Token);
        var sent = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task SendAsync(int sender, ServeProcess target, IEnumerable<int> which)
        {
            foreach (var batch in which)
            {
                try
                {
                    var status = await target.PostAsync("logs", OtlpBatches.ApiRequests($"sender-{sender}", batch, records), "application/json", timeout.Token);
                    if (status == 200)
                    {
                        acknowledged[(sender, batch)] = true;
                    }
                }
                catch (HttpRequestException)
                {
                    // The server died under us: like an exporter, count it as not acknowledged and move on.
                }

                if (Interlocked.Increment(ref sent) == senders * batches / 2)
                {
                    server.Cli.Process.Kill();      // SIGKILL in the middle of the load
                    killed.TrySetResult();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => SendAsync(s, server, Enumerable.Range(0, batches))));
        await killed.Task;
        await server.Cli.Process.WaitForExitAsync(timeout.Token);
        server.Dispose();
        acknowledged.Count.ShouldBeGreaterThan(0);
        acknowledged.Count.ShouldBeLessThan(senders * batches, "the kill came too late to test anything");

        // Restarted: the exporters re-send what was not acknowledged (and, as retries do, some of what was).
        using var restarted = await ServeProcess.StartAsync(store, _environment, timeout.Token);
        for (var sender = 0; sender < senders; sender++)
        {
            for (var batch = 0; batch < batches; batch++)
            {
                if (!acknowledged.ContainsKey((sender, batch)) || batch % 7 == 0)
                {
                    (await restarted.PostAsync("logs", OtlpBatches.ApiRequests($"sender-{sender}", batch, records), "application/json", timeout.Token))
                        .ShouldBe(200);
                }
            }
        }

        (await restarted.TerminateAsync(timeout.Token)).ExitCode.ShouldBe(0);
        var report = await CliProcess.RunAsync(["report", "session", "--json", "--no-import", "--store", store], _environment, timeout.Token);
        report.ExitCode.ShouldBe(0, report.Error);
        var sessions = JsonDocument.Parse(report.Output).RootElement.GetProperty("sessions").EnumerateArray().ToList();
        sessions.Count.ShouldBe(senders);
        sessions.ShouldAllBe(s => s.GetProperty("inputTokens").GetInt64() == batches * records * 100L);
    }

    [Fact]
    public async Task PrintEnv_WithToken_PrintsTheExportsForClaudeCode()
    {
        using var timeout = Timeout();

        var result = await CliProcess.RunAsync(["telemetry", "serve", "--print-env", "--listen", "127.0.0.1:4999", "--token", "tok en"], _environment, timeout.Token);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("export CLAUDE_CODE_ENABLE_TELEMETRY='1'");
        result.Output.ShouldContain("export OTEL_EXPORTER_OTLP_ENDPOINT='http://127.0.0.1:4999'");
        result.Output.ShouldContain("export OTEL_EXPORTER_OTLP_PROTOCOL='http/protobuf'");
        result.Output.ShouldContain("OTEL_EXPORTER_OTLP_PROTOCOL='http/json'");
        result.Output.ShouldContain("export OTEL_EXPORTER_OTLP_HEADERS='Authorization=Bearer tok en'");
    }

    public void Dispose() => _work.Dispose();

    private static CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        return timeout;
    }

    private string Store(string name) => "duckdb://" + _work.Combine(name + ".duckdb");
}
