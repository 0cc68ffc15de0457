namespace ContextCleaner.AnthropicStub.Protocol;

/// <summary>The system prompts (+ tools) this stub instance has answered, to report cache reads on the next request.</summary>
internal sealed class PromptCache
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Remembers <paramref name="key"/>; true when it had been seen before.</summary>
    public bool MarkSeen(string key)
    {
        lock (_lock)
        {
            return !_seen.Add(key);
        }
    }
}
