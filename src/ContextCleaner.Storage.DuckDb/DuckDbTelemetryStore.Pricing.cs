using System.Runtime.CompilerServices;
using ContextCleaner.Core.Events;
using ContextCleaner.Core.Storage;

namespace ContextCleaner.Storage.DuckDb;

public sealed partial class DuckDbTelemetryStore
{
    private const string PriceVersionKey = "price_version";

    /// <inheritdoc />
    public async Task<string?> GetPriceVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT value FROM store_meta WHERE key = $key", ("key", PriceVersionKey));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PricingInput> ReadPricingInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT event_id, ts, model, speed, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens
            FROM api_requests
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PricingInput(reader.GetGuid(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                new TokenUsage(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)));
        }
    }

    /// <inheritdoc />
    public async Task UpdateComputedCostsAsync(IReadOnlyList<PricedEvent> costs, string priceVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(costs);
        await RestoreCompressionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (costs.Count > 0)
        {
            await ExecuteAsync("CREATE OR REPLACE TEMP TABLE repriced (event_id UUID, cost DECIMAL(18, 12))", cancellationToken).ConfigureAwait(false);
            using (var appender = Connection.CreateAppender("temp", "main", "repriced"))
            {
                foreach (var cost in costs)
                {
                    appender.CreateRow().AppendValue(cost.Id).AppendValue(cost.ComputedCostUsd).EndRow();
                }
            }

            await ExecuteAsync("UPDATE api_requests SET cost_computed_usd = r.cost FROM repriced r WHERE api_requests.event_id = r.event_id", cancellationToken)
                .ConfigureAwait(false);
            await ExecuteAsync("DROP TABLE repriced", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync("INSERT OR REPLACE INTO store_meta VALUES ($key, $value)", cancellationToken, ("key", PriceVersionKey), ("value", priceVersion))
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
