namespace ContextCleaner.Core.Storage;

/// <summary>Use of one tool: results (with success and duration) and permission decisions.</summary>
/// <param name="ToolName">Tool.</param>
/// <param name="Results">Tool calls that finished (<c>tool_result</c>).</param>
/// <param name="Succeeded">Results marked successful.</param>
/// <param name="Failed">Results marked failed.</param>
/// <param name="TimedResults">Results with a duration.</param>
/// <param name="TotalDurationMs">Sum of those durations.</param>
/// <param name="Accepted">Permission decisions <c>accept</c> (<c>tool_decision</c>).</param>
/// <param name="Rejected">Permission decisions <c>reject</c>.</param>
public sealed record ToolTally(string ToolName, long Results, long Succeeded, long Failed, long TimedResults, long TotalDurationMs, long Accepted,
    long Rejected);
