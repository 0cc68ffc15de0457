using ContextCleaner.Core.Events;

namespace ContextCleaner.Core.Storage;

/// <summary>What pricing needs of one stored request.</summary>
/// <param name="Id">Event id.</param>
/// <param name="TimestampUtc">When it happened (prices are effective-dated).</param>
/// <param name="Model">Model as recorded.</param>
/// <param name="Speed">Speed mode.</param>
/// <param name="Tokens">Token usage.</param>
public readonly record struct PricingInput(Guid Id, DateTime TimestampUtc, string? Model, string? Speed, TokenUsage Tokens);
