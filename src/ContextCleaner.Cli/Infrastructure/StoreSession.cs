using ContextCleaner.Cli.Commands;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Cli.Infrastructure;

/// <summary>An open store with the price table in effect: what every command starts from.</summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private StoreSession(ITelemetryStore store, StoreUri uri, PriceTable prices, CliEnvironment environment)
    {
        Store = store;
        Uri = uri;
        Prices = prices;
        Environment = environment;
    }

    public ITelemetryStore Store { get; }

    /// <summary>Which store is open.</summary>
    public StoreUri Uri { get; }

    public PriceTable Prices { get; }

    public CliEnvironment Environment { get; }

    public static async Task<StoreSession> OpenAsync(GlobalSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        Trace.Mark("command start");
        var prices = PriceTableLoader.Load(PricesPath(settings, environment));
        Trace.Mark("prices loaded");
        var uri = StoreUri.Resolve(settings.Store, environment.GetVariable);
        var store = StoreFactory.Create(uri, prices, environment);
        try
        {
            await store.InitializeAsync(cancellationToken);
            Trace.Mark("store open");
            await PricingRefresher.EnsureCurrentAsync(store, prices, cancellationToken);
            Trace.Mark("pricing checked");
            return new StoreSession(store, uri, prices, environment);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Imports transcripts. With nothing to import, a store that already holds data is still usable (a warning is
    /// printed when <paramref name="requireData"/> is false); an empty store is an error saying where we looked.
    /// </summary>
    public async Task<ImportSummary?> ImportAsync(ImportSettings settings, bool requireData, CancellationToken cancellationToken)
    {
        if (Store.IsReadOnly && !requireData)
        {
            // The OpenTelemetry Collector's tables: reports read them as they are; `import` itself says why it cannot.
            return null;
        }

        var location = ClaudeDataLocator.Locate(settings.Sources, Environment.GetVariable);
        if (location.IsEmpty)
        {
            if (requireData || !await HasRequestsAsync(cancellationToken))
            {
                throw new ContextCleanerException(location.NothingFoundMessage);
            }

            MessageLine.Warning(Environment.Error, $"{location.NothingFoundMessage} Reporting what {Store.Description} holds.");
            return null;
        }

        Trace.Mark("located");
        var importer = new TranscriptImporter(Store, Prices, Environment.Time, ImportOptionsFromEnvironment());
        ImportSummary summary;
        if (settings.Verbose || !Environment.ErrorIsInteractive)
        {
            // No bar: with --verbose every committed batch is logged instead (a line per commit, for logs and tests).
            var log = settings.Verbose ? new CommitLog(Environment.Error) : null;
            summary = await importer.ImportAsync(location, log, cancellationToken);
        }
        else
        {
            summary = await ImportProgressDisplay.RunAsync(Environment.Error, progress => importer.ImportAsync(location, progress, cancellationToken));
        }

        if (summary.Statistics.FilesFound == 0 && (requireData || !await HasRequestsAsync(cancellationToken)))
        {
            // The folders exist but hold no transcript: as useless to a first-time user as no folder at all.
            throw new ContextCleanerException(location.NothingFoundMessage);
        }

        return summary;
    }

    private async Task<bool> HasRequestsAsync(CancellationToken cancellationToken) =>
        (await Store.CountEventsAsync(cancellationToken)).GetValueOrDefault(EventKind.ApiRequest) > 0;

    public ValueTask DisposeAsync() => Store.DisposeAsync();

    /// <summary><c>CONTEXT_CLEANER_IMPORT_BATCH_BYTES</c> tunes the transaction size (tests use it to get many batches).</summary>
    private ImportOptions ImportOptionsFromEnvironment() =>
        long.TryParse(Environment.GetVariable("CONTEXT_CLEANER_IMPORT_BATCH_BYTES"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? new ImportOptions { BatchBytes = bytes }
            : new ImportOptions();

    private static string? PricesPath(GlobalSettings settings, CliEnvironment environment)
    {
        if (settings.Prices is not null)
        {
            return settings.Prices;
        }

        if (environment.GetVariable("CONTEXT_CLEANER_PRICES") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var configHome = environment.GetVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(environment.GetVariable("HOME") ?? "", ".config");
        var path = Path.Combine(configHome, "context-cleaner", "prices.json");
        return File.Exists(path) ? path : null;
    }
}
