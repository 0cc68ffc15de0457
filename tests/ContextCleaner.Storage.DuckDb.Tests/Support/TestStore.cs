using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Ingest;
using ContextCleaner.Core.Pricing;
using ContextCleaner.Core.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// A DuckDB store in its own temp folder (one database per test), with a fake clock and helpers to import
/// transcripts into it and read the totals back through the report service.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<PriceTable> ShippedPrices = new(() => PriceTableLoader.Load());

    private TestStore(TempDirectory temp)
    {
        Temp = temp;
        DatabasePath = temp.Combine("store", "telemetry.duckdb");
        ProjectsDirectory = temp.Combine("claude", "projects");
        Directory.CreateDirectory(ProjectsDirectory);
    }

    public TempDirectory Temp { get; }

    public string DatabasePath { get; }

    /// <summary>An empty <c>projects/</c> folder for transcripts written by the test.</summary>
    public string ProjectsDirectory { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public DuckDbTelemetryStore Store { get; private set; } = null!;

    public static PriceTable Prices => ShippedPrices.Value;

    public static async Task<TestStore> OpenAsync()
    {
        var test = new TestStore(new TempDirectory());
        await test.ReopenAsync();
        return test;
    }

    /// <summary>Closes the store and opens the same file again (a later run of the tool).</summary>
    public async Task ReopenAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Store = new DuckDbTelemetryStore(DatabasePath, Time);
        await Store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Closes the store, runs <paramref name="query"/> on the file with a plain DuckDB connection, reopens.</summary>
    public async Task<List<object?[]>> QueryFileAsync(string query)
    {
        await Store.DisposeAsync();
        var rows = new List<object?[]>();
        await using (var connection = new DuckDBConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }

        await ReopenAsync();
        return rows;
    }

    /// <summary>One atomic write of events (that may already be stored) and checkpoints.</summary>
    public Task<WriteResult> WriteAsync(IReadOnlyList<TelemetryEvent> events, IReadOnlyList<FileCheckpoint>? checkpoints = null) =>
        Store.WriteAsync(new EventBatch(events, checkpoints ?? []), TestContext.Current.CancellationToken);

    /// <summary>Imports the test's own <see cref="ProjectsDirectory"/>.</summary>
    public Task<ImportSummary> ImportAsync(ImportOptions? options = null) => ImportAsync(ProjectsDirectory, options);

    /// <summary>Imports <paramref name="projectsDirectory"/> into <see cref="Store"/>, or into <paramref name="through"/> (a wrapper of it).</summary>
    public Task<ImportSummary> ImportAsync(string projectsDirectory, ImportOptions? options = null, IProgress<ImportProgress>? progress = null,
        CancellationToken? cancellationToken = null, ITelemetryStore? through = null)
    {
        var importer = new TranscriptImporter(through ?? Store, Prices, Time, options ?? new ImportOptions { Parallelism = 2 });
        var location = new ClaudeDataLocation([projectsDirectory], [projectsDirectory], "test");
        return importer.ImportAsync(location, progress, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    /// <summary>Every stored request summed through the report service, costs computed from tokens.</summary>
    public async Task<(TokenUsage Tokens, decimal CostUsd, long Requests)> TotalsAsync()
    {
        var report = await ReportAsync(new ReportRequest { Mode = CostMode.Calculate });
        return (report.Tokens, report.CostUsd, report.Rows.Sum(r => r.Requests));
    }

    public Task<UsageReport> ReportAsync(ReportRequest request) =>
        UsageReportService.BuildAsync(Store, request, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Temp.Dispose();
    }
}
