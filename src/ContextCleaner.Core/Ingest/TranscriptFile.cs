namespace ContextCleaner.Core.Ingest;

/// <summary>
/// One transcript file and what its path says: the project is the folder under <c>projects/</c>; the session is the
/// file name, or the session folder for <c>&lt;session&gt;/subagents/*.jsonl</c> (subagent work belongs to its parent).
/// </summary>
/// <param name="Path">Full path.</param>
/// <param name="Project">Project folder name.</param>
/// <param name="SessionId">Session the file belongs to.</param>
/// <param name="Length">Length when enumerated.</param>
/// <param name="LastWriteUtc">Modification time when enumerated.</param>
internal sealed record TranscriptFile(string Path, string Project, string SessionId, long Length, DateTime LastWriteUtc);
