using ContextCleaner.Core.Ingest;
using Shouldly;

namespace ContextCleaner.Core.Tests.Ingest;

public sealed class TranscriptFileEnumeratorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("-home-user-project/1732c5b9.jsonl", "-home-user-project", "1732c5b9")]
    // Subagent transcripts belong to the session folder they sit in, not to a session of their own.
    [InlineData("-home-user-project/1732c5b9/subagents/agent-x.jsonl", "-home-user-project", "1732c5b9")]
    [InlineData("-home-user-project/1732c5b9/subagents/agent-a1b2.jsonl", "-home-user-project", "1732c5b9")]
    // ccusage's rule for other depths: the session is the parent folder of the file.
    [InlineData("proj/folder/file.jsonl", "proj", "folder")]
    [InlineData("proj/a/b/c.jsonl", "proj", "b")]
    // A file directly under projects/ is its own project and session.
    [InlineData("loose.jsonl", "loose", "loose")]
    public void Attribute_RelativePath_GivesProjectAndSession(string relativePath, string expectedProject, string expectedSession)
    {
        var path = relativePath.Replace('/', Path.DirectorySeparatorChar);

        var (project, session) = TranscriptFileEnumerator.Attribute(path);

        project.ShouldBe(expectedProject);
        session.ShouldBe(expectedSession);
    }

    [Fact]
    public void Enumerate_ProjectsFolder_ListsJsonlFilesInOrdinalPathOrderAndCountsDirectories()
    {
        var projects = _temp.CreateDirectory("projects");
        _temp.WriteFile("projects/p-b/s2.jsonl", "{}\n");
        _temp.WriteFile("projects/p-a/s1.jsonl", "{}\n{}\n");
        _temp.WriteFile("projects/p-a/S0.jsonl", "{}\n");
        _temp.WriteFile("projects/p-a/s1/subagents/agent-1.jsonl", "{}\n");
        _temp.WriteFile("projects/p-a/notes.txt", "not a transcript");
        _temp.CreateDirectory("projects/p-a/odd.jsonl");
        var statistics = new ImportStatistics();
        var problems = new List<ImportProblem>();

        var files = TranscriptFileEnumerator.Enumerate([projects], statistics, problems);

        files.Select(f => Path.GetRelativePath(projects, f.Path).Replace(Path.DirectorySeparatorChar, '/'))
            .ShouldBe(["p-a/S0.jsonl", "p-a/s1.jsonl", "p-a/s1/subagents/agent-1.jsonl", "p-b/s2.jsonl"]);
        files.Select(f => (f.Project, f.SessionId)).ShouldBe([("p-a", "S0"), ("p-a", "s1"), ("p-a", "s1"), ("p-b", "s2")]);
        files[1].Length.ShouldBe(6);
        statistics.NotFiles.ShouldBe(1);
        problems.Single().Path.ShouldEndWith("odd.jsonl");
    }
}
