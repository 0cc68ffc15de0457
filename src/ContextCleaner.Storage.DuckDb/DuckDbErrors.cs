using ContextCleaner.Core;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>Turns DuckDB's errors on open into one-line messages a user can act on.</summary>
internal static class DuckDbErrors
{
    public static bool IsLockConflict(DuckDBException e) => e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);

    public static ContextCleanerException OnOpen(string path, DuckDBException e, TimeSpan waited)
    {
        var message = e.Message;
        if (IsLockConflict(e))
        {
            return new ContextCleanerException(
                $"The store {path} stayed in use by another process for {waited.TotalSeconds:0.#} s (DuckDB allows one process at a time); "
                + "wait for it or pass another --store.", 3, e);
        }

        return new ContextCleanerException($"Cannot open the store {path}: {FirstLine(message)}", 3, e);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
