using ContextCleaner.Core.Events;
using Shouldly;

namespace ContextCleaner.Core.Tests.Events;

public sealed class TokenUsageTests
{
    // input 1,000, output 200, cache read 3,000, 5-minute writes 400, 1-hour writes 100
    private static readonly TokenUsage Usage = new(1_000, 200, 3_000, 400, 100);

    [Fact]
    public void CacheWritePromptTokensAndTotal_OneRequest_AddUpTheRightKinds()
    {
        Usage.CacheWrite.ShouldBe(500);        // 400 + 100
        Usage.PromptTokens.ShouldBe(4_500);    // 1,000 + 3,000 + 500: what the long-context threshold is compared with
        Usage.Total.ShouldBe(4_700);           // + 200 output
        Usage.IsZero.ShouldBeFalse();
        default(TokenUsage).IsZero.ShouldBeTrue();
    }

    [Fact]
    public void Add_TwoUsages_SumsKindByKind()
    {
        var sum = Usage + new TokenUsage(1, 2, 3, 4, 5);

        sum.ShouldBe(new TokenUsage(1_001, 202, 3_003, 404, 105));
        TokenUsage.Add(Usage, new TokenUsage(1, 2, 3, 4, 5)).ShouldBe(sum);
    }
}
