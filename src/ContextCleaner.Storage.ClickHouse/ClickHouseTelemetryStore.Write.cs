using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Read before write: the stored copies of the batch's ids are read back (with <c>FINAL</c>), the preferred copy is
    /// chosen in C# with <see cref="DuplicatePreference"/> and enriched with what the other copy knows, and only rows
    /// that change are inserted, with a higher <c>version</c> that makes them replace the stored row. A re-sent batch
    /// therefore inserts nothing; a retried insert that raced past the check collapses by <c>ReplacingMergeTree</c>.
    /// </remarks>
    public async Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var events = DuplicatePreference.Collapse(batch.Events);
        var requests = events.Where(e => e.Kind == EventKind.ApiRequest).ToList();
        var others = events.Where(e => e.Kind != EventKind.ApiRequest).ToList();
        await AppendNewAsync(batch.NewEvents, cancellationToken).ConfigureAwait(false);
        var result = await WriteRequestsAsync(requests, cancellationToken).ConfigureAwait(false);
        var otherResult = await WriteOthersAsync(others, cancellationToken).ConfigureAwait(false);
        await WriteMetricsAsync(batch.Metrics, cancellationToken).ConfigureAwait(false);
        // Last: a checkpoint is never stored without the events it covers.
        await WriteCheckpointsAsync(batch.Checkpoints, cancellationToken).ConfigureAwait(false);
        var collapsed = batch.Events.Count - events.Count;
        return new WriteResult(batch.NewEvents.Count + result.Inserted + otherResult.Inserted, result.Replaced + otherResult.Replaced,
            result.AlreadyStored + otherResult.AlreadyStored + collapsed);
    }

    // The caller guarantees these ids are not stored: straight in, no lookup.
    private async Task AppendNewAsync(IReadOnlyList<TelemetryEvent> events, CancellationToken cancellationToken)
    {
        var requests = events.Where(e => e.Kind == EventKind.ApiRequest).Select(e => ClickHouseEventRows.Request(e, 1)).ToList();
        var others = events.Where(e => e.Kind != EventKind.ApiRequest).Select(ClickHouseEventRows.Event).ToList();
        if (requests.Count > 0)
        {
            await InsertAsync("api_requests", ClickHouseEventRows.RequestColumns, requests, cancellationToken).ConfigureAwait(false);
        }

        if (others.Count > 0)
        {
            await InsertAsync("events", ClickHouseEventRows.EventColumns, others, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WriteResult> WriteRequestsAsync(List<TelemetryEvent> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return default;
        }

        var stored = await StoredRequestsAsync(requests.Select(e => e.Id), cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>();
        var movedOut = new List<TelemetryEvent>();
        long inserted = 0, replaced = 0, kept = 0;
        foreach (var candidate in requests)
        {
            if (!stored.TryGetValue(candidate.Id, out var copy))
            {
                rows.Add(ClickHouseEventRows.Request(candidate, 1));
                inserted++;
                continue;
            }

            var (row, isReplacement) = ClickHouseRequestMerge.Resolve(copy.Event, candidate);
            if (isReplacement)
            {
                replaced++;
            }
            else
            {
                kept++;
            }

            if (row is not null)
            {
                rows.Add(ClickHouseEventRows.Request(row, copy.Version + 1));
                if (MonthOf(row.TimestampUtc) != MonthOf(copy.Event.TimestampUtc))
                {
                    movedOut.Add(copy.Event);
                }
            }
        }

        if (rows.Count > 0)
        {
            await InsertAsync("api_requests", ClickHouseEventRows.RequestColumns, rows, cancellationToken).ConfigureAwait(false);
        }

        // Background merges never collapse rows of two partitions (and FINAL does not either under
        // do_not_merge_across_partitions_select_final): a winner in another month would leave the old row behind, so it
        // is deleted here (after the insert, so a failure in between double-keeps rather than loses).
        foreach (var old in movedOut)
        {
            await ExecuteAsync($"DELETE FROM {_database}.api_requests WHERE event_id = {{id:UUID}} AND ts = {{ts:DateTime64(6, 'UTC')}}", cancellationToken,
                ("id", old.Id), ("ts", old.TimestampUtc)).ConfigureAwait(false);
        }

        return new WriteResult(inserted, replaced, kept);
    }

    private static int MonthOf(DateTime utc) => (utc.Year * 100) + utc.Month;

    // Two steps: which ids are stored at all (the id column only, no FINAL: cheap), then the whole current rows of those
    // (FINAL) — a batch of new events, the receiver's usual case, never pays for the second.
    private async Task<Dictionary<Guid, (TelemetryEvent Event, ulong Version)>> StoredRequestsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<Guid, (TelemetryEvent, ulong)>();
        var present = await StoredIdsAsync("api_requests", "event_id", ids, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in present.Chunk(ClickHouseIdSet.PerLookup))
        {
            var (condition, parameters) = ClickHouseIdSet.In("event_id", chunk);
            var rows = await _gateway.QueryAsync(
                $"SELECT {string.Join(", ", ClickHouseEventRows.RequestColumns)} FROM {_database}.api_requests FINAL WHERE {condition}",
                ClickHouseEventRows.ReadRequest, cancellationToken, parameters).ConfigureAwait(false);
            foreach (var row in rows)
            {
                stored[row.Event.Id] = row;
            }
        }

        return stored;
    }

    private async Task<HashSet<Guid>> StoredIdsAsync(string table, string idColumn, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var stored = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(ClickHouseIdSet.PerLookup))
        {
            var (condition, parameters) = ClickHouseIdSet.In(idColumn, chunk);
            stored.UnionWith(await _gateway.QueryAsync($"SELECT DISTINCT {idColumn} FROM {_database}.{table} WHERE {condition}",
                r => r.GetGuid(0), cancellationToken, parameters).ConfigureAwait(false));
        }

        return stored;
    }

    // Events other than requests never change once sent: the first stored copy stays.
    private async Task<WriteResult> WriteOthersAsync(List<TelemetryEvent> others, CancellationToken cancellationToken)
    {
        if (others.Count == 0)
        {
            return default;
        }

        var stored = await StoredIdsAsync("events", "event_id", others.Select(e => e.Id), cancellationToken).ConfigureAwait(false);
        var rows = others.Where(e => !stored.Contains(e.Id)).Select(ClickHouseEventRows.Event).ToList();
        if (rows.Count > 0)
        {
            await InsertAsync("events", ClickHouseEventRows.EventColumns, rows, cancellationToken).ConfigureAwait(false);
        }

        return new WriteResult(rows.Count, 0, others.Count - rows.Count);
    }

    private async Task WriteCheckpointsAsync(IReadOnlyList<FileCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        if (checkpoints.Count == 0)
        {
            return;
        }

        // ReplacingMergeTree without a version keeps the row inserted last: INSERT OR REPLACE.
        var rows = checkpoints.Select(c => new object?[] { c.Path, c.Size, c.LastWriteUtc.Ticks, c.Offset, c.Fingerprint, c.FingerprintLength }).ToList();
        await InsertAsync("import_files", ["path", "size", "last_write_ticks", "offset_bytes", "fingerprint", "fingerprint_length"], rows, cancellationToken)
            .ConfigureAwait(false);
    }
}
