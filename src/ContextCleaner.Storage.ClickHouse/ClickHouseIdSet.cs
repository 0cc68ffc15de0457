namespace ContextCleaner.Storage.ClickHouse;

/// <summary>
/// Many ids as one <c>IN</c> set. ClickHouse refuses a single HTTP parameter (URL or form field) over 128 KiB
/// (<c>http_max_field_value_size</c>): about 3,000 UUIDs. The ids are therefore split over several
/// <c>Array(UUID)</c> parameters joined by <c>arrayConcat</c>, so one query (sent as a form in the request body) carries
/// a whole batch: with random ids every lookup reads the whole id column anyway, so few large lookups beat many small ones
/// (benchmarks/results-clickhouse.md).
/// </summary>
internal static class ClickHouseIdSet
{
    /// <summary>Ids per query.</summary>
    public const int PerLookup = 100_000;

    private const int PerParameter = 2_500;

    /// <summary><c>column IN arrayConcat({ids_0:Array(UUID)}, …)</c> and its parameters.</summary>
    public static (string Condition, (string Name, object? Value)[] Parameters) In(string column, IReadOnlyCollection<Guid> ids)
    {
        var parameters = ids.Chunk(PerParameter).Select((chunk, i) => ($"ids_{i}", (object?)chunk)).ToArray();
        var placeholders = string.Join(", ", parameters.Select(p => $"{{{p.Item1}:Array(UUID)}}"));
        return ($"{column} IN arrayConcat({placeholders})", parameters);
    }
}
