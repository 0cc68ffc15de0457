namespace ContextCleaner.TestCorpus;

/// <summary>A working directory and its Claude Code project directory name.</summary>
internal sealed record ProjectInfo(string Cwd, string DirName);
