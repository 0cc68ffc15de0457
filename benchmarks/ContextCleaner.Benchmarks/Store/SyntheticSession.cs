namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// One Claude Code session of the synthetic history: its strings are made once and shared by all its events (as the
/// importer shares a file's), and its traits decide how its requests look.
/// </summary>
/// <param name="Index">Position in the history.</param>
/// <param name="Id">Session id (a UUID).</param>
/// <param name="Project">Transcript folder name (the sanitized working directory).</param>
/// <param name="TranscriptPath">The session's transcript file.</param>
/// <param name="OtlpPath">The session's OpenTelemetry source (<c>otlp:&lt;session&gt;</c>).</param>
/// <param name="UserId">Hashed user id, as Claude Code exports it.</param>
/// <param name="StartUtc">First event.</param>
/// <param name="MainModel">The model the user picked (haiku background calls come on top).</param>
/// <param name="OtlpOnly">No transcript imported: requests are OpenTelemetry copies (no project, always a reported cost).</param>
/// <param name="ReportsCost">Claude Code's own cost is known (OpenTelemetry enabled, or an old transcript with costUSD).</param>
/// <param name="CachesOneHour">Cache writes are 1-hour writes instead of 5-minute ones.</param>
internal sealed record SyntheticSession(long Index, string Id, string Project, string TranscriptPath, string OtlpPath, string UserId,
    DateTime StartUtc, string MainModel, bool OtlpOnly, bool ReportsCost, bool CachesOneHour);
