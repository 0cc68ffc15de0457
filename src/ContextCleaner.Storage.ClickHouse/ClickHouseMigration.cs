namespace ContextCleaner.Storage.ClickHouse;

/// <summary>One schema change, applied once, in order. <c>{db}</c> in a statement stands for the store's database.</summary>
/// <param name="Version">Sequence number; never reuse or reorder.</param>
/// <param name="Description">What it does.</param>
/// <param name="Statements">SQL statements (ClickHouse has no DDL transactions: each must be safe to run again).</param>
internal sealed record ClickHouseMigration(int Version, string Description, IReadOnlyList<string> Statements);
