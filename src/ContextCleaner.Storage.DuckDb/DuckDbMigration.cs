using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>One schema change, applied once, in order, inside a transaction.</summary>
/// <param name="Version">Sequence number; never reuse or reorder.</param>
/// <param name="Description">What it does.</param>
/// <param name="Statements">SQL statements.</param>
/// <param name="Code">A step SQL cannot express (recomputing ids), run after the statements in the same transaction.</param>
internal sealed record DuckDbMigration(int Version, string Description, IReadOnlyList<string> Statements,
    Func<DuckDBConnection, CancellationToken, Task>? Code = null);
