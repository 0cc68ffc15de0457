using System.Runtime.CompilerServices;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.ClickHouse;

public sealed partial class ClickHouseTelemetryStore
{
    private const string PriceVersionKey = "price_version";

    /// <inheritdoc />
    public async Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken)
    {
        return await _gateway.ScalarAsync($"SELECT value FROM {_database}.store_meta FINAL WHERE key = {{key:String}}", cancellationToken,
            ("key", PriceVersionKey)).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PricingInput> ReadPricingInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inputs = _gateway.StreamAsync($"""
            SELECT event_id, ts, model, speed, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens
            FROM {_database}.api_requests FINAL
            """, reader => new PricingInput(reader.GetGuid(0), Utc(reader.GetDateTime(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                new TokenUsage(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))), cancellationToken);
        await foreach (var input in inputs.ConfigureAwait(false))
        {
            yield return input;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// No UPDATE: the repriced rows are read back whole and inserted again with a higher version (an <c>ALTER TABLE …
    /// UPDATE</c> mutation rewrites whole parts, asynchronously). The price version is recorded after the rows, so a
    /// repricing cut short runs again.
    /// </remarks>
    public async Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count > 0)
        {
            var byId = new Dictionary<Guid, decimal?>(costs.Count);
            foreach (var cost in costs)
            {
                byId[cost.Id] = cost.ComputedCostUsd;
            }

            var stored = await StoredRequestsAsync(byId.Keys, cancellationToken).ConfigureAwait(false);
            var rows = stored.Values
                .Where(s => s.Event.ComputedCostUsd != Round(byId[s.Event.Id]))
                .Select(s => ClickHouseEventRows.Request(
                    ClickHouseEventRows.With(s.Event, s.Event.ReportedCostUsd, byId[s.Event.Id], s.Event.DurationMs, s.Event.Speed, s.Event.Attributes),
                    s.Version + 1))
                .ToList();
            if (rows.Count > 0)
            {
                await InsertAsync("api_requests", ClickHouseEventRows.RequestColumns, rows, cancellationToken).ConfigureAwait(false);
            }
        }

        await ExecuteAsync($"INSERT INTO {_database}.store_meta VALUES ({{key:String}}, {{value:String}})", cancellationToken,
            ("key", PriceVersionKey), ("value", priceVersion)).ConfigureAwait(false);
    }

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 12, MidpointRounding.ToEven) : null;
}
