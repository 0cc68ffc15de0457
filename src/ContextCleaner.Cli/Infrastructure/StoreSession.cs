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
    private readonly Task _opening;

    private StoreSession(ITelemetryStore store, StoreUri uri, PriceTable prices, CliEnvironment environment, bool isNew, CancellationToken cancellationToken)
    {
        Store = store;
        Uri = uri;
        Prices = prices;
        Environment = environment;
        IsNew = isNew;
        _opening = OpenStoreAsync(cancellationToken);
    }

    /// <summary>The store; use it once <see cref="ReadyAsync"/> has completed.</summary>
    public ITelemetryStore Store { get; }

    /// <summary>Which store is open.</summary>
    public StoreUri Uri { get; }

    public PriceTable Prices { get; }

    public CliEnvironment Environment { get; }

    /// <summary>The store did not exist before this session: nothing is imported into it yet.</summary>
    private bool IsNew { get; }

    /// <summary>Opens the store and waits until it is ready.</summary>
    public static async Task<StoreSession> OpenAsync(GlobalSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var session = Begin(settings, environment, cancellationToken);
        try
        {
            await session.ReadyAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts opening the store without waiting for it: a command that imports first reads transcripts meanwhile
    /// when the store is new (opening a new DuckDB file, loading the engine and creating the schema, takes ~40 ms).
    /// </summary>
    public static StoreSession Begin(GlobalSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        Trace.Mark("command start");
        var prices = PriceTableLoader.Load(PricesPath(settings, environment));
        Trace.Mark("prices loaded");
        var uri = StoreUri.Resolve(settings.Store, environment.GetVariable);
        var isNew = StoreFactory.IsMissing(uri);
        var store = StoreFactory.Create(uri, prices, environment);
        return new StoreSession(store, uri, prices, environment, isNew, cancellationToken);
    }

    /// <summary>Completes when the store is open and its computed costs follow the price table; throws what opening threw.</summary>
    public Task ReadyAsync() => _opening;

    private async Task OpenStoreAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();     // the caller goes on (reading transcripts) while the store opens
        await Store.InitializeAsync(cancellationToken);
        Trace.Mark("store open");
        await PricingRefresher.EnsureCurrentAsync(Store, Prices, cancellationToken);
        Trace.Mark("pricing checked");
    }

    /// <summary>
    /// Imports transcripts. With nothing to import, a store that already holds data is still usable (a warning is
    /// printed when <paramref name="requireData"/> is false); an empty store is an error saying where we looked.
    /// </summary>
    public async Task<ImportSummary?> ImportAsync(ImportSettings settings, bool requireData, CancellationToken cancellationToken)
    {
        var location = ClaudeDataLocator.Locate(settings.Sources, Environment.GetVariable);
        if (!IsNew || location.IsEmpty)
        {
            await ReadyAsync();
        }

        if (Store.IsReadOnly && !requireData)
        {
            // The OpenTelemetry Collector's tables: reports read them as they are; `import` itself says why it cannot.
            return null;
        }

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
            summary = await ImportAsync(importer, location, log, cancellationToken);
        }
        else
        {
            summary = await ImportProgressDisplay.RunAsync(Environment.Error, progress => ImportAsync(importer, location, progress, cancellationToken));
        }

        if (summary.Statistics.FilesFound == 0 && (requireData || !await HasRequestsAsync(cancellationToken)))
        {
            // The folders exist but hold no transcript: as useless to a first-time user as no folder at all.
            throw new ContextCleanerException(location.NothingFoundMessage);
        }

        return summary;
    }

    private Task<ImportSummary> ImportAsync(TranscriptImporter importer, ClaudeDataLocation location, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken) =>
        _opening.IsCompletedSuccessfully
            ? importer.ImportAsync(location, progress, cancellationToken)
            : importer.ImportIntoNewStoreAsync(location, _opening, progress, cancellationToken);

    private async Task<bool> HasRequestsAsync(CancellationToken cancellationToken) =>
        (await Store.CountEventsAsync(cancellationToken)).GetValueOrDefault(EventKind.ApiRequest) > 0;

    public async ValueTask DisposeAsync()
    {
        await _opening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Store.DisposeAsync();
    }

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
