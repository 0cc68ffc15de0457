using ContextCleaner.Core;
using DuckDB.NET.Data;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>Turns DuckDB's errors on open into one-line messages a user can act on.</summary>
internal static class DuckDbErrors
{
    public static ContextCleanerException OnOpen(string path, DuckDBException e)
    {
        var message = e.Message;
        if (message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            return new ContextCleanerException(
                $"The store {path} is in use by another process (DuckDB allows one writer); wait for it or pass another --store.", 3, e);
        }

        return new ContextCleanerException($"Cannot open the store {path}: {FirstLine(message)}", 3, e);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
