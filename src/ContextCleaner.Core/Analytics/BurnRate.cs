namespace ContextCleaner.Core.Analytics;

/// <summary>How fast an active block consumes tokens and money, between its first and last request.</summary>
/// <param name="TokensPerMinute">All four token kinds per minute.</param>
/// <param name="TokensPerMinuteForIndicator">Input + output tokens per minute.</param>
/// <param name="CostPerHour">USD per hour.</param>
public sealed record BurnRate(double TokensPerMinute, double TokensPerMinuteForIndicator, double CostPerHour);
