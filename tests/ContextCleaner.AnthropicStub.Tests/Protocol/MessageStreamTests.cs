using ContextCleaner.AnthropicStub.Protocol;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests.Protocol;

public sealed class MessageStreamTests
{
    [Theory]
    [InlineData("Hello! How can I help you today?", new[] { "Hello! How can ", "I help you ", "today?" })]
    [InlineData("one two three", new[] { "one two three" })]
    [InlineData("a  b", new[] { "a  b" })]
    [InlineData("", new[] { "" })]
    public void TextPieces_ThreeWordsPerDelta_AsThePythonStub(string text, string[] expected)
    {
        MessageStream.TextPieces(text).ShouldBe(expected);
        string.Concat(MessageStream.TextPieces(text)).ShouldBe(text);
    }
}
