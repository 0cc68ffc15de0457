using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Analytics;

/// <summary>What happened in one session: its span, requests, tokens and cost, failures, tool calls, prompts, compactions.</summary>
/// <param name="SessionId">Session (null for events without one).</param>
/// <param name="Project">Project of its API requests (null when it has none, or only OpenTelemetry copies without a project).</param>
/// <param name="FirstUtc">Earliest event of any kind, UTC.</param>
/// <param name="LastUtc">Latest event of any kind, UTC.</param>
/// <param name="Requests">API requests.</param>
/// <param name="Tokens">Token sums of those requests.</param>
/// <param name="CostUsd">Their cost in the requested <see cref="Pricing.CostMode"/>.</param>
/// <param name="ApiErrors">Failed API attempts (<see cref="EventKind.ApiError"/>).</param>
/// <param name="RetriesExhausted">Requests Claude Code gave up on (<see cref="EventKind.ApiRetriesExhausted"/>).</param>
/// <param name="ToolCalls">Finished tool calls (<see cref="EventKind.ToolResult"/>).</param>
/// <param name="Prompts">User prompts (<see cref="EventKind.UserPrompt"/>).</param>
/// <param name="Compactions">Conversation compactions (<see cref="EventKind.Compaction"/>).</param>
public sealed record SessionMetrics(string? SessionId, string? Project, DateTime FirstUtc, DateTime LastUtc, long Requests, TokenUsage Tokens,
    decimal CostUsd, long ApiErrors, long RetriesExhausted, long ToolCalls, long Prompts, long Compactions);
