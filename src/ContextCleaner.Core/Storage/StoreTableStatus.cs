namespace ContextCleaner.Core.Storage;

/// <summary>One table a store reads, as health checks report it.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Present">Whether it exists.</param>
/// <param name="Rows">Rows (null when absent).</param>
/// <param name="NewestUtc">Newest row's time, when the table has times and rows.</param>
public sealed record StoreTableStatus(string Name, bool Present, long? Rows, DateTime? NewestUtc);
