using ContextCleaner.Core.Events;

namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>
/// Requests with hand-computed costs at Anthropic's list prices (USD per million tokens):
/// Sonnet 4.5 input 3, output 15, 5-minute cache write 3.75, 1-hour cache write 6, cache read 0.30;
/// Haiku 4.5 input 1, output 5, 5-minute write 1.25, 1-hour write 2, cache read 0.10. None exceeds 200k prompt tokens.
/// </summary>
internal static class HandRequests
{
    public const string Sonnet45 = "claude-sonnet-4-5-20250929";
    public const string Haiku45 = "claude-haiku-4-5-20251001";

    // 1000×3 + 200×15 + 10000×0.30 + 2000×3.75 = 3000 + 3000 + 3000 + 7500 = 16500 µ$ → 0.0165
    public static TestRequest A { get; } = new("msg_01AAAAAAAAAAAAAAAAAAAAAA", "req_01AAAAAAAAAAAAAAAAAAAAAA", At(10, 0),
        Sonnet45, new TokenUsage(Input: 1000, Output: 200, CacheRead: 10_000, CacheWrite5m: 2000, CacheWrite1h: 0), 0.0165m);

    // 2000×3 + 400×15 + 1000×6 (1-hour write) = 6000 + 6000 + 6000 = 18000 µ$ → 0.018
    public static TestRequest B { get; } = new("msg_01BBBBBBBBBBBBBBBBBBBBBB", "req_01BBBBBBBBBBBBBBBBBBBBBB", At(10, 5),
        Sonnet45, new TokenUsage(Input: 2000, Output: 400, CacheRead: 0, CacheWrite5m: 0, CacheWrite1h: 1000), 0.018m);

    // 500×3 + 100×15 + 20000×0.30 = 1500 + 1500 + 6000 = 9000 µ$ → 0.009
    public static TestRequest C { get; } = new("msg_01CCCCCCCCCCCCCCCCCCCCCC", "req_01CCCCCCCCCCCCCCCCCCCCCC", At(10, 10),
        Sonnet45, new TokenUsage(Input: 500, Output: 100, CacheRead: 20_000, CacheWrite5m: 0, CacheWrite1h: 0), 0.009m);

    // 10×3 + 10×15 + 400×3.75 = 30 + 150 + 1500 = 1680 µ$ → 0.00168
    public static TestRequest D { get; } = new("msg_01DDDDDDDDDDDDDDDDDDDDDD", "req_01DDDDDDDDDDDDDDDDDDDDDD", At(10, 15),
        Sonnet45, new TokenUsage(Input: 10, Output: 10, CacheRead: 0, CacheWrite5m: 400, CacheWrite1h: 0), 0.00168m);

    // Haiku 4.5: 4000×1 + 1000×5 + 8000×1.25 = 4000 + 5000 + 10000 = 19000 µ$ → 0.019
    public static TestRequest E { get; } = new("msg_01EEEEEEEEEEEEEEEEEEEEEE", "req_01EEEEEEEEEEEEEEEEEEEEEE", At(10, 20),
        Haiku45, new TokenUsage(Input: 4000, Output: 1000, CacheRead: 0, CacheWrite5m: 8000, CacheWrite1h: 0), 0.019m);

    /// <summary>Token and cost sums of <paramref name="requests"/>.</summary>
    public static (TokenUsage Tokens, decimal CostUsd) Sum(params TestRequest[] requests) =>
        (requests.Aggregate(default(TokenUsage), (sum, r) => sum + r.Tokens), requests.Sum(r => r.CostUsd));

    private static DateTime At(int hour, int minute) => new(2025, 11, 3, hour, minute, 0, DateTimeKind.Utc);
}
