namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>The thread-safe request timeline: records in arrival order, replaced in place when they complete.</summary>
internal sealed class StubTimeline
{
    private readonly List<StubRequestRecord> _records = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Appends an arriving request; returns its position.</summary>
    public int Add(StubRequestRecord record)
    {
        lock (_lock)
        {
            _records.Add(record);
            Signal();
            return _records.Count - 1;
        }
    }

    public void Replace(int index, StubRequestRecord record)
    {
        lock (_lock)
        {
            _records[index] = record;
            Signal();
        }
    }

    public IReadOnlyList<StubRequestRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for a snapshot, re-checking after every change.</summary>
    public async Task<IReadOnlyList<StubRequestRecord>> WaitUntilAsync(
        Func<IReadOnlyList<StubRequestRecord>, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<StubRequestRecord> snapshot;
            Task changed;
            lock (_lock)
            {
                snapshot = [.. _records];
                changed = _changed.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
