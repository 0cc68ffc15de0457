using ContextCleaner.Core.Storage;

namespace ContextCleaner.Server.Ingestion;

/// <summary>What the writer did since start (thread-safe counters).</summary>
public sealed class StoreWriterStatistics
{
    private long _commits;
    private long _batches;
    private long _inserted;
    private long _duplicates;
    private long _failures;
    private long _refused;
    private long _timedOut;
    private long _commitTicks;

    /// <summary>Transactions committed.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Request batches committed.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Events and points new to the store.</summary>
    public long Inserted => Interlocked.Read(ref _inserted);

    /// <summary>Events already stored (re-sent batches, the other source's copy).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Commits that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Submissions refused because too much was waiting.</summary>
    public long RefusedCount => Interlocked.Read(ref _refused);

    /// <summary>Time spent committing (opening the store included).</summary>
    public TimeSpan CommitTime => TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks));

    /// <summary>Submissions answered before their commit.</summary>
    public long TimedOutCount => Interlocked.Read(ref _timedOut);

    internal void Committed(int batches, WriteResult result)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _batches, batches);
        Interlocked.Add(ref _inserted, result.Inserted);
        Interlocked.Add(ref _duplicates, result.AlreadyStored);
    }

    internal void Failed() => Interlocked.Increment(ref _failures);

    internal void Spent(TimeSpan elapsed) => Interlocked.Add(ref _commitTicks, elapsed.Ticks);

    internal void Refused() => Interlocked.Increment(ref _refused);

    internal void TimedOut() => Interlocked.Increment(ref _timedOut);
}
