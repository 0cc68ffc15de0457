using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>How many events of one kind one session has (every kind, API requests included).</summary>
/// <param name="SessionId">Session (null for events without one).</param>
/// <param name="Kind">Event kind.</param>
/// <param name="Count">Number of events.</param>
/// <param name="FirstUtc">Earliest, UTC.</param>
/// <param name="LastUtc">Latest, UTC.</param>
public sealed record EventTally(string? SessionId, EventKind Kind, long Count, DateTime FirstUtc, DateTime LastUtc);
