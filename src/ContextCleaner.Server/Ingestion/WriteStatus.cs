namespace ContextCleaner.Server.Ingestion;

/// <summary>What became of a submitted batch.</summary>
internal enum WriteStatus
{
    /// <summary>Committed to the store: the request may be answered 200.</summary>
    Committed,

    /// <summary>Too much is waiting already; nothing was queued (retry later).</summary>
    Overloaded,

    /// <summary>Not committed within the commit timeout (store locked or slow); it may still commit later, and a re-sent copy will not count twice.</summary>
    TimedOut,

    /// <summary>The store failed (cannot open, write error); retry later.</summary>
    Failed,

    /// <summary>The server is shutting down and takes nothing new.</summary>
    ShuttingDown,
}
