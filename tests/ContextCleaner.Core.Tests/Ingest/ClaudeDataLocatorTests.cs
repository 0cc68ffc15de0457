using ContextCleaner.Core.Ingest;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class ClaudeDataLocatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ClaudeDataLocatorTests() => _environment["HOME"] = _temp.CreateDirectory("home");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Locate_ExplicitSource_WinsOverEnvironmentAndDefaults()
    {
        var source = _temp.CreateDirectory("elsewhere/projects");
        _environment["CLAUDE_CONFIG_DIR"] = _temp.CreateDirectory("config");
        _temp.CreateDirectory("config/projects");
        _temp.CreateDirectory("home/.claude/projects");

        var location = Locate(_temp.Combine("elsewhere"));

        location.ProjectDirectories.ShouldBe([source]);
        location.LookedIn.ShouldBe([source]);
        location.Origin.ShouldBe("--source");
    }

    [Fact]
    public void Locate_ClaudeConfigDirList_ReplacesDefaultsAndKeepsOnlyExistingFolders()
    {
        var first = _temp.CreateDirectory("c1/projects");
        var third = _temp.CreateDirectory("c3/projects");
        _temp.CreateDirectory("home/.claude/projects");   // a default that must not be used
        _environment["CLAUDE_CONFIG_DIR"] = $"{_temp.Combine("c1")}, {_temp.Combine("c2")} ,{_temp.Combine("c3")},";

        var location = Locate();

        location.ProjectDirectories.ShouldBe([first, third]);
        location.LookedIn.ShouldBe([first, _temp.Combine("c2/projects"), third]);
        location.Origin.ShouldBe("CLAUDE_CONFIG_DIR");
    }

    [Fact]
    public void Locate_NoSettings_UsesXdgConfigHomeThenDotClaude()
    {
        _environment["XDG_CONFIG_HOME"] = _temp.CreateDirectory("xdg");
        var xdg = _temp.CreateDirectory("xdg/claude/projects");
        var dotClaude = _temp.CreateDirectory("home/.claude/projects");

        var location = Locate();

        location.ProjectDirectories.ShouldBe([xdg, dotClaude]);
        location.Origin.ShouldBe("the default locations");
    }

    [Fact]
    public void Locate_NoXdgConfigHome_LooksInDotConfigUnderHome()
    {
        var dotConfig = _temp.CreateDirectory("home/.config/claude/projects");

        var location = Locate();

        location.ProjectDirectories.ShouldBe([dotConfig]);
        location.LookedIn.ShouldBe([dotConfig, _temp.Combine("home/.claude/projects")]);
    }

    [Fact]
    public void Locate_FolderThatIsItselfProjects_IsUsedAsIs()
    {
        var projects = _temp.CreateDirectory("data/projects");

        var location = Locate(projects);

        location.ProjectDirectories.ShouldBe([projects]);
    }

    [Fact]
    public void Locate_TildeAndDuplicates_ExpandToHomeAndCountOnce()
    {
        var projects = _temp.CreateDirectory("home/.claude/projects");

        var location = Locate("~/.claude", _temp.Combine("home/.claude"), "~/.claude/projects", _temp.Combine("home/.claude/"));

        location.ProjectDirectories.ShouldBe([projects]);
        location.LookedIn.Count.ShouldBe(4);
    }

    [Fact]
    public void Locate_ProjectsFolderWithTrailingSeparator_CountsOnceWithoutTheSeparator()
    {
        var projects = _temp.CreateDirectory("home/.claude/projects");

        var location = Locate("~/.claude", "~/.claude/projects/");

        location.ProjectDirectories.ShouldBe([projects]);
    }

    [Fact]
    public void Locate_NothingFound_IsEmptyAndMessageNamesEveryFolderLookedIn()
    {
        _environment["XDG_CONFIG_HOME"] = _temp.Combine("xdg");

        var location = Locate();

        location.IsEmpty.ShouldBeTrue();
        location.ProjectDirectories.ShouldBeEmpty();
        location.NothingFoundMessage.ShouldSatisfyAllConditions(
            m => m.ShouldContain(_temp.Combine("xdg/claude/projects")),
            m => m.ShouldContain(_temp.Combine("home/.claude/projects")),
            m => m.ShouldContain("CLAUDE_CONFIG_DIR"),
            m => m.ShouldContain("--source"));
    }

    [Fact]
    public void Locate_NothingFoundInClaudeConfigDir_MessageNamesEachListedFolder()
    {
        _environment["CLAUDE_CONFIG_DIR"] = $"{_temp.Combine("a")},{_temp.Combine("b")}";

        var location = Locate();

        location.IsEmpty.ShouldBeTrue();
        location.NothingFoundMessage.ShouldContain(_temp.Combine("a/projects"));
        location.NothingFoundMessage.ShouldContain(_temp.Combine("b/projects"));
        location.NothingFoundMessage.ShouldContain("from CLAUDE_CONFIG_DIR");
    }

    private ClaudeDataLocation Locate(params string[] sources) =>
        ClaudeDataLocator.Locate(sources, name => _environment.GetValueOrDefault(name));
}
