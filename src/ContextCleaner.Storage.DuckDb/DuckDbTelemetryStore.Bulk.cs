using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction for the whole import: DuckDB then writes full row groups (122,880 rows; it buffers a few before
    /// flushing them) to the file compressed, and the commit logs only where they are, instead of logging every row and
    /// compressing it again at each checkpoint. Dictionary and FSST compression are left out while it runs: analysing
    /// them cost ~5 % of a cold 1 GB import for a store ~1.5x larger (benchmarks/README.md). They stay out for the
    /// checkpoint when the store closes (an import closes right after; ~10 ms less for the import's paths) and come back
    /// before this store's next write.
    /// </remarks>
    public async Task BulkWriteAsync(IAsyncEnumerable<EventBatch> batches, IBulkWriteObserver written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(written);
        await ExecuteAsync("SET disabled_compression_methods = 'fsst,dictionary'", cancellationToken).ConfigureAwait(false);
        _compressionReduced = true;
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bulk = new DuckDbBulkState(await DuckDbSourceRegistry.LoadAsync(Connection, cancellationToken).ConfigureAwait(false),
                !await ExistsAsync("SELECT EXISTS (SELECT 1 FROM import_files)", cancellationToken).ConfigureAwait(false));
            await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                written.BatchWritten(await WriteInTransactionAsync(batch, bulk, cancellationToken).ConfigureAwait(false));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _staged.Clear();
            throw;
        }

        written.Committed();
    }

    /// <summary>DuckDB's <c>disabled_compression_methods</c> as this store's database has it now (tests look).</summary>
    internal async Task<string> DisabledCompressionMethodsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT current_setting('disabled_compression_methods')::VARCHAR");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? "";
    }

    // Ends what a bulk write turned off, before any other write can checkpoint.
    private async Task RestoreCompressionAsync(CancellationToken cancellationToken)
    {
        if (_compressionReduced)
        {
            await ExecuteAsync("RESET disabled_compression_methods", cancellationToken).ConfigureAwait(false);
            _compressionReduced = false;
        }
    }

    private async Task<bool> ExistsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }
}
