using System.Collections.Concurrent;

namespace ContextCleaner.Server.Hosting;

/// <summary>Requests and records seen by the receiver, by answer (thread-safe).</summary>
public sealed class ServerStatistics
{
    private readonly ConcurrentDictionary<int, long> _answers = new();
    private long _requests;
    private long _records;
    private long _rejected;

    /// <summary>Requests received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Records (log records, data points, spans) decoded.</summary>
    public long RecordsReceived => Interlocked.Read(ref _records);

    /// <summary>Records rejected for cause (reported as OTLP partial success).</summary>
    public long RecordsRejected => Interlocked.Read(ref _rejected);

    /// <summary>Answers by HTTP status.</summary>
    public IReadOnlyDictionary<int, long> Answers => _answers;

    internal void Received() => Interlocked.Increment(ref _requests);

    internal void Records(int received, int rejected)
    {
        Interlocked.Add(ref _records, received);
        Interlocked.Add(ref _rejected, rejected);
    }

    internal void Answered(int status) => _answers.AddOrUpdate(status, 1, (_, n) => n + 1);
}
