using ContextCleaner.Core.Storage;
using Shouldly;

namespace ContextCleaner.Core.Tests.Storage;

public sealed class DuplicatePreferenceTests
{
    [Theory]
    // kept sidechain, kept tokens, candidate sidechain, candidate tokens → replace?
    [InlineData(true, 900, false, 100, true)]     // a main-chain copy beats a sidechain replay, whatever the tokens
    [InlineData(false, 100, true, 900, false)]    // a sidechain copy never replaces a main-chain one
    [InlineData(false, 100, false, 250, true)]    // more tokens: the complete copy of a streamed response
    [InlineData(false, 250, false, 100, false)]
    [InlineData(false, 100, false, 100, false)]   // tie: the first one seen stays
    [InlineData(true, 100, true, 250, true)]
    [InlineData(true, 100, true, 100, false)]
    public void Prefers_KeptAndCandidate_FollowsChainThenTokensThenFirstSeen(
        bool keptIsSidechain, long keptTokens, bool candidateIsSidechain, long candidateTokens, bool expected)
    {
        DuplicatePreference.Prefers(keptIsSidechain, keptTokens, candidateIsSidechain, candidateTokens).ShouldBe(expected);
    }
}
