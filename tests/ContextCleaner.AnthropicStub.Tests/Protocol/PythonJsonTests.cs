using System.Text.Json;
using ContextCleaner.AnthropicStub.Protocol;
using Shouldly;

namespace ContextCleaner.AnthropicStub.Tests.Protocol;

public sealed class PythonJsonTests
{
    // Expected strings printed by python3: json.dumps(x), json.dumps(x, ensure_ascii=False), json.dumps(x, sort_keys=True).
    private const string Input = """{"a":[1,2.5,true,null,"é\n\"\\ \u0001 😀"],"b":{"z":1,"y":1e20,"w":1.0}}""";

    [Fact]
    public void Dumps_EnsureAscii_MatchesPython()
    {
        PythonJson.Dumps(Parse(Input), ensureAscii: true)
            .ShouldBe("""{"a": [1, 2.5, true, null, "\u00e9\n\"\\ \u0001 \ud83d\ude00"], "b": {"z": 1, "y": 1e+20, "w": 1.0}}""");
    }

    [Fact]
    public void Dumps_NoEnsureAscii_KeepsNonAsciiAndCountsCodePoints()
    {
        var text = PythonJson.Dumps(Parse(Input), ensureAscii: false);

        text.ShouldBe("""{"a": [1, 2.5, true, null, "é\n\"\\ \u0001 😀"], "b": {"z": 1, "y": 1e+20, "w": 1.0}}""");
        PythonJson.PythonLength(text).ShouldBe(text.Length - 1);
    }

    [Fact]
    public void Dumps_SortKeys_MatchesPython()
    {
        PythonJson.Dumps(Parse(Input), ensureAscii: true, sortKeys: true)
            .ShouldBe("""{"a": [1, 2.5, true, null, "\u00e9\n\"\\ \u0001 \ud83d\ude00"], "b": {"w": 1.0, "y": 1e+20, "z": 1}}""");
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
