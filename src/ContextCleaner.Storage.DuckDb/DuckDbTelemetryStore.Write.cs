using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    // DuplicatePreference in SQL: a staged copy replaces the stored one when it is a transcript copy and the stored one
    // came over OTLP, or (same source kind) when it is main-chain and the stored one a sidechain replay, or when it has
    // more tokens.
    private static readonly string ReplacePreferredRequests = $"""
        DELETE FROM api_requests USING staged_requests s
        WHERE api_requests.event_id = s.event_id
          AND CASE WHEN {IsOtlp("api_requests")} <> {IsOtlp("s")} THEN {IsOtlp("api_requests")}
                   WHEN api_requests.is_sidechain <> s.is_sidechain THEN api_requests.is_sidechain
                   ELSE s.input_tokens + s.output_tokens + s.cache_read_tokens + s.cache_write_5m_tokens + s.cache_write_1h_tokens
                      > api_requests.input_tokens + api_requests.output_tokens + api_requests.cache_read_tokens
                        + api_requests.cache_write_5m_tokens + api_requests.cache_write_1h_tokens
              END
        """;

    // Sources whose location starts with "otlp:" hold OpenTelemetry events (one per session).
    private static string IsOtlp(string table) =>
        $"coalesce({table}.source_id IN (SELECT source_id FROM sources WHERE location LIKE 'otlp:%'), false)";

    // Claude Code's own cost and timing arrive only over OTLP, the project and sidechain flag only in transcripts:
    // both copies take over what only the other one knows before one of them is kept.
    private static string EnrichFrom(string target, string other) => $"""
        UPDATE {target} SET cost_reported_usd = coalesce({target}.cost_reported_usd, o.cost_reported_usd),
                            duration_ms = coalesce({target}.duration_ms, o.duration_ms),
                            speed = coalesce({target}.speed, o.speed),
                            attributes = coalesce({target}.attributes, o.attributes)
        FROM {other} o
        WHERE {target}.event_id = o.event_id
          AND ({target}.cost_reported_usd IS NULL AND o.cost_reported_usd IS NOT NULL OR {target}.duration_ms IS NULL AND o.duration_ms IS NOT NULL
               OR {target}.speed IS NULL AND o.speed IS NOT NULL OR {target}.attributes IS NULL AND o.attributes IS NOT NULL)
        """;

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await RestoreCompressionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await WriteInTransactionAsync(batch, bulk: null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch
        {
            _staged.Clear();     // staging tables created in this transaction are rolled back with it
            throw;
        }
    }

    // A bulk write loads the sources once and, into an empty import_files, appends checkpoints without staging them.
    private async Task<WriteResult> WriteInTransactionAsync(EventBatch batch, DuckDbBulkState? bulk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var events = DuplicatePreference.Collapse(batch.Events);
        var window = RecentWindow(events, batch);
        var requests = events.Where(e => e.Kind == EventKind.ApiRequest).ToList();
        var others = events.Where(e => e.Kind != EventKind.ApiRequest).ToList();
        WriteResult result, otherResult;
        var sources = bulk is null
            ? await DuckDbSourceRegistry.ResolveAsync(Connection, events.Concat(batch.NewEvents), cancellationToken).ConfigureAwait(false)
            : DuckDbSourceRegistry.Register(Connection, bulk.Sources, events.Concat(batch.NewEvents));
        AppendNew(batch.NewEvents, sources);
        if (events.Count > 0 && !await AnyIdStoredAsync(events, window, cancellationToken).ConfigureAwait(false))
        {
            // Nothing of this batch is stored (live telemetry, a grown file): straight into the tables.
            AppendNew(events, sources);
            result = new WriteResult(requests.Count, 0, 0);
            otherResult = new WriteResult(others.Count, 0, 0);
        }
        else
        {
            result = await WriteRequestsAsync(requests, sources, window, cancellationToken).ConfigureAwait(false);
            otherResult = await WriteOthersAsync(others, sources, window, cancellationToken).ConfigureAwait(false);
        }

        if (bulk is not null && bulk.ClaimNewCheckpoints(batch.Checkpoints))
        {
            AppendCheckpoints("import_files", batch.Checkpoints);     // none of these paths is stored: no conflict possible
        }
        else
        {
            await WriteCheckpointsAsync(batch.Checkpoints, cancellationToken).ConfigureAwait(false);
        }

        await WriteMetricsAsync(batch.Metrics, cancellationToken).ConfigureAwait(false);
        var collapsed = batch.Events.Count - events.Count;
        return new WriteResult(batch.NewEvents.Count + result.Inserted + otherResult.Inserted, result.Replaced + otherResult.Replaced,
            result.AlreadyStored + otherResult.AlreadyStored + collapsed);
    }

    // The caller guarantees these ids are not stored: straight into the tables, no staging, no duplicate check.
    private void AppendNew(IReadOnlyList<TelemetryEvent> events, DuckDbSourceLookup sources)
    {
        if (events.Count == 0)
        {
            return;
        }

        using (var appender = Connection.CreateAppender("api_requests"))
        {
            foreach (var e in events)
            {
                if (e.Kind == EventKind.ApiRequest)
                {
                    DuckDbEventColumns.AppendRequest(appender, e, sources.Of(e.SourcePath));
                }
            }
        }

        using (var appender = Connection.CreateAppender("events"))
        {
            foreach (var e in events)
            {
                if (e.Kind != EventKind.ApiRequest)
                {
                    DuckDbEventColumns.AppendEvent(appender, e, sources.Of(e.SourcePath));
                }
            }
        }
    }

    private async Task<WriteResult> WriteRequestsAsync(List<TelemetryEvent> requests, DuckDbSourceLookup sources, (DateTime From, DateTime To)? window,
        CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return default;
        }

        // Staging lives in memory; only rows that are new or preferred reach the file.
        await StageAsync("staged_requests", "api_requests", cancellationToken).ConfigureAwait(false);
        using (var appender = Connection.CreateAppender("temp", "main", "staged_requests"))
        {
            foreach (var e in requests)
            {
                DuckDbEventColumns.AppendRequest(appender, e, sources.Of(e.SourcePath));
            }
        }

        // Mostly nothing is stored yet (live telemetry, grown files): one probe instead of four joins.
        if (!await AnyStoredAsync("staged_requests", "api_requests", window, cancellationToken).ConfigureAwait(false))
        {
            var inserted = await ExecuteAsync("INSERT INTO api_requests SELECT * FROM staged_requests", cancellationToken).ConfigureAwait(false);
            return new WriteResult(inserted, 0, 0);
        }

        await ExecuteAsync(EnrichFrom("api_requests", "staged_requests"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(EnrichFrom("staged_requests", "api_requests"), cancellationToken).ConfigureAwait(false);
        var replaced = await ExecuteAsync(ReplacePreferredRequests, cancellationToken).ConfigureAwait(false);
        var written = await ExecuteAsync(
            "INSERT INTO api_requests SELECT s.* FROM staged_requests s ANTI JOIN api_requests a ON a.event_id = s.event_id",
            cancellationToken).ConfigureAwait(false);
        return new WriteResult(written - replaced, replaced, requests.Count - written);
    }

    private async Task<WriteResult> WriteOthersAsync(List<TelemetryEvent> others, DuckDbSourceLookup sources, (DateTime From, DateTime To)? window,
        CancellationToken cancellationToken)
    {
        if (others.Count == 0)
        {
            return default;
        }

        await StageAsync("staged_events", "events", cancellationToken).ConfigureAwait(false);
        using (var appender = Connection.CreateAppender("temp", "main", "staged_events"))
        {
            foreach (var e in others)
            {
                DuckDbEventColumns.AppendEvent(appender, e, sources.Of(e.SourcePath));
            }
        }

        var written = await AnyStoredAsync("staged_events", "events", window, cancellationToken).ConfigureAwait(false)
            ? await ExecuteAsync("INSERT INTO events SELECT s.* FROM staged_events s ANTI JOIN events e ON e.event_id = s.event_id", cancellationToken)
                .ConfigureAwait(false)
            : await ExecuteAsync("INSERT INTO events SELECT * FROM staged_events", cancellationToken).ConfigureAwait(false);
        return new WriteResult(written, 0, others.Count - written);
    }

    // Staging tables are created once per connection and emptied before each use: creating and dropping them was
    // most of the fixed cost of a small write (the receiver commits many).
    private async Task StageAsync(string staging, string like, CancellationToken cancellationToken)
    {
        if (_staged.Add(staging))
        {
            await ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {staging} AS SELECT * FROM {like} LIMIT 0", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync($"DELETE FROM {staging}", cancellationToken).ConfigureAwait(false);
        }
    }

    // With a window only stored rows of that time span are probed: DuckDB skips row groups by their min/max ts, so a
    // receiver's commit costs what its batch costs, not what the whole history does.
    private async Task<bool> AnyStoredAsync(string staging, string table, (DateTime From, DateTime To)? window, CancellationToken cancellationToken)
    {
        var sql = $"SELECT EXISTS (SELECT 1 FROM {staging} s SEMI JOIN {table} t ON t.event_id = s.event_id"
            + (window is null ? ")" : " AND t.ts BETWEEN $from AND $to)");
        await using var command = window is { } w ? Command(sql, ("from", w.From), ("to", w.To)) : Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    // The batch's ids alone (one value per event) are enough to learn whether any copy is stored: cheaper than staging
    // whole rows when, as usual, none is.
    private async Task<bool> AnyIdStoredAsync(List<TelemetryEvent> events, (DateTime From, DateTime To)? window, CancellationToken cancellationToken)
    {
        if (_staged.Add("probe_ids"))
        {
            await ExecuteAsync("CREATE OR REPLACE TEMP TABLE probe_ids (event_id UUID)", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync("DELETE FROM probe_ids", cancellationToken).ConfigureAwait(false);
        }

        using (var appender = Connection.CreateAppender("temp", "main", "probe_ids"))
        {
            foreach (var e in events)
            {
                appender.CreateRow().AppendValue(e.Id).EndRow();
            }
        }

        return await AnyStoredAsync("probe_ids", "api_requests", window, cancellationToken).ConfigureAwait(false)
            || await AnyStoredAsync("probe_ids", "events", window, cancellationToken).ConfigureAwait(false);
    }

    // OpenTelemetry events carry their own time and keep it when re-sent (ids of records other than api_request include
    // it), and the transcript copy of an api_request is written within seconds of it: a stored copy of an OTLP event is
    // always within a day of it. Transcript replays can repeat old lines, so transcript writes probe everything.
    private static (DateTime From, DateTime To)? RecentWindow(List<TelemetryEvent> events, EventBatch batch)
    {
        if (events.Count == 0 || batch.NewEvents.Count > 0 || events.Any(e => e.Source != EventSource.Otlp))
        {
            return null;
        }

        return (events.Min(e => e.TimestampUtc).AddDays(-1), events.Max(e => e.TimestampUtc).AddDays(1));
    }

    private async Task WriteCheckpointsAsync(IReadOnlyList<FileCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        if (checkpoints.Count == 0)
        {
            return;
        }

        await StageAsync("staged_files", "import_files", cancellationToken).ConfigureAwait(false);
        AppendCheckpoints("staged_files", checkpoints);
        await ExecuteAsync("INSERT OR REPLACE INTO import_files SELECT * FROM staged_files", cancellationToken).ConfigureAwait(false);
    }

    private void AppendCheckpoints(string table, IReadOnlyList<FileCheckpoint> checkpoints)
    {
        if (checkpoints.Count == 0)
        {
            return;
        }

        using var appender = table == "import_files" ? Connection.CreateAppender(table) : Connection.CreateAppender("temp", "main", table);
        foreach (var c in checkpoints)
        {
            appender.CreateRow().AppendValue(c.Path).AppendValue(c.Size).AppendValue(c.LastWriteUtc.Ticks).AppendValue(c.Offset)
                .AppendValue(c.Fingerprint).AppendValue(c.FingerprintLength).EndRow();
        }
    }
}
