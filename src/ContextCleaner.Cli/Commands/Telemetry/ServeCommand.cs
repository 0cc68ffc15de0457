using System.Globalization;
using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Server.Hosting;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Telemetry;

/// <summary><c>context-cleaner telemetry serve</c>: the OTLP/HTTP receiver for Claude Code.</summary>
internal sealed class ServeCommand(CliEnvironment environment) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = new ServerOptions
        {
            Listen = settings.Listen,
            Token = settings.Token ?? environment.GetVariable("CONTEXT_CLEANER_TOKEN"),
            StoreContent = settings.StoreContent,
            MaxBodyBytes = settings.MaxBodyBytes,
        };
        if (options.Validate() is { } problem)
        {
            throw new ContextCleanerException(problem, 2);
        }

        if (settings.PrintEnv)
        {
            var endpoint = new Uri("http://" + settings.Listen.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            environment.Out.Profile.Out.Writer.Write(ClaudeCodeEnvironment.Script(endpoint, options.Token, options.StoreContent));
            return 0;
        }

        // Opened once up front: creates the schema, reprices if the price table changed, and fails fast on a bad store.
        PriceTable prices;
        StoreUri uri;
        string storeName;
        await using (var session = await StoreSession.OpenAsync(settings, environment, cancellationToken))
        {
            prices = session.Prices;
            uri = session.Uri;
            storeName = session.Store.Description;
            if (session.Store.IsReadOnly)
            {
                throw new ContextCleanerException($"{storeName} is read-only: telemetry serve needs a store it can write (a DuckDB file, or ClickHouse with ?mode=native).", 2);
            }
        }

        var lockWait = options.CommitTimeout * 0.8;
        async Task<ITelemetryStore> OpenStoreAsync(CancellationToken token)
        {
            var store = StoreFactory.Create(uri, prices, environment, lockWait, writeHeavy: true);
            try
            {
                await store.InitializeAsync(token);
                return store;
            }
            catch
            {
                await store.DisposeAsync();
                throw;
            }
        }

        await using var server = await TelemetryServer.StartAsync(options, OpenStoreAsync, prices, environment.Time, cancellationToken);
        if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(server.Address.Host)) && options.Token is null)
        {
            MessageLine.Warning(environment.Error, $"{server.Address} is reachable from other machines and no --token is set: anyone who can reach it can write telemetry.");
        }

        MessageLine.Info(environment.Error, $"listening on {server.Address} (OTLP/HTTP: /v1/logs, /v1/metrics, /v1/traces; JSON or protobuf), "
            + $"storing into {storeName}; Ctrl+C stops. Point Claude Code at it: context-cleaner telemetry serve --print-env");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        MessageLine.Info(environment.Error, "stopping: finishing requests in flight");
        await server.StopAsync(CancellationToken.None);
        var answers = string.Join(", ", server.Statistics.Answers.OrderBy(a => a.Key)
            .Select(a => $"{a.Key}: {a.Value.ToString(CultureInfo.InvariantCulture)}"));
        MessageLine.Info(environment.Error, $"stopped: {server.Statistics.Requests} requests ({answers}), {server.Statistics.RecordsReceived} records, "
            + $"{server.Writes.Inserted} new events, {server.Writes.Duplicates} already stored, {server.Statistics.RecordsRejected} rejected; "
            + $"{server.Writes.Commits} commits of {server.Writes.Batches} batches in {server.Writes.CommitTime.TotalSeconds:0.00} s");
        return 0;
    }
}
