using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>One API request of a hand-written transcript, with its cost worked out by hand (see <see cref="HandRequests"/>).</summary>
/// <param name="MessageId">API message id (<c>msg_…</c>).</param>
/// <param name="RequestId">API request id (<c>req_…</c>).</param>
/// <param name="TimestampUtc">Line timestamp.</param>
/// <param name="Model">Model that answered.</param>
/// <param name="Tokens">Usage on the line.</param>
/// <param name="CostUsd">Cost at Anthropic's list prices, computed by hand.</param>
internal sealed record TestRequest(string MessageId, string RequestId, DateTime TimestampUtc, string Model, TokenUsage Tokens, decimal CostUsd);
