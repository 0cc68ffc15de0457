namespace ContextCleaner.Core.Storage;

/// <summary>What a write did.</summary>
/// <param name="Inserted">New events.</param>
/// <param name="Replaced">Stored events replaced by a preferred copy (see <see cref="DuplicatePreference"/>).</param>
/// <param name="AlreadyStored">Events that were already stored and kept as they were.</param>
public readonly record struct WriteResult(long Inserted, long Replaced, long AlreadyStored);
