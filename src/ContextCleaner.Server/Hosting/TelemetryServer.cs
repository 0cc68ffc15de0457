using ContextCleaner.Core;
using ContextCleaner.Core.Ingest.Otlp;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using ContextCleaner.Server.Ingestion;
using ContextCleaner.Server.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContextCleaner.Server.Hosting;

/// <summary>
/// <c>telemetry serve</c>: Claude Code's OTLP/HTTP exporter posts here (JSON or protobuf, optionally gzip), and every
/// batch is committed to the store before it is answered 200. Stopping lets requests in flight finish and commits
/// everything they queued; requests arriving meanwhile are refused with a retryable status.
/// </summary>
public sealed class TelemetryServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StoreWriter _writer;
    private bool _stopped;

    private TelemetryServer(WebApplication app, StoreWriter writer, ServerStatistics statistics, Uri address)
    {
        _app = app;
        _writer = writer;
        Statistics = statistics;
        Address = address;
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:4318</c>).</summary>
    public Uri Address { get; }

    /// <summary>Requests and records by answer.</summary>
    public ServerStatistics Statistics { get; }

    /// <summary>What was committed.</summary>
    public StoreWriterStatistics Writes => _writer.Statistics;

    /// <summary>Starts listening.</summary>
    /// <param name="options">Listen address, token, limits.</param>
    /// <param name="openStore">Opens and initializes the store; called when traffic arrives after the store was released.</param>
    /// <param name="prices">Price table for computed costs.</param>
    /// <param name="time">Clock.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static async Task<TelemetryServer> StartAsync(ServerOptions options, Func<CancellationToken, Task<ITelemetryStore>> openStore, PriceTable prices,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ContextCleanerException(problem, 2);
        }

        if (!ListenAddress.TryParse(options.Listen, out var endpoint))
        {
            throw new ContextCleanerException($"--listen '{options.Listen}' is not host:port.", 2);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.CommitTimeout + TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;     // enforced by OtlpBodyReader, which answers with an OTLP 413
            kestrel.Listen(endpoint);
        });
        var app = builder.Build();
        var statistics = new ServerStatistics();
        var writer = new StoreWriter(openStore, options.MaxPendingRecords, options.CommitTimeout, options.ReleaseStoreAfter, time);
        var otlp = new OtlpEndpoint(options, new OtlpEventMapper(prices, new OtlpMappingOptions { StoreContent = options.StoreContent }), writer, statistics);
        app.MapPost("/v1/logs", context => otlp.HandleAsync(context, OtlpSignal.Logs));
        app.MapPost("/v1/metrics", context => otlp.HandleAsync(context, OtlpSignal.Metrics));
        app.MapPost("/v1/traces", context => otlp.HandleAsync(context, OtlpSignal.Traces));
        app.MapGet("/health", context => context.Response.WriteAsync("ok\n", context.RequestAborted));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ContextCleanerException($"Cannot listen on {options.Listen}: {e.Message}", 3, e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TelemetryServer(app, writer, statistics, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Stops listening, lets requests in flight finish, commits what they queued, closes the store.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
