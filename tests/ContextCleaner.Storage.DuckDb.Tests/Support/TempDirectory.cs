namespace ContextCleaner.Storage.DuckDb.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => FullPath = Directory.CreateTempSubdirectory("cc-duckdb-tests-").FullName;

    public string FullPath { get; }

    public string Combine(params string[] parts) => Path.Combine([FullPath, .. parts]);

    public void Dispose()
    {
        if (!Directory.Exists(FullPath))
        {
            return;
        }

        // A test may leave a folder without permissions behind (the unreadable-file case when not root).
        foreach (var directory in Directory.EnumerateDirectories(FullPath, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows() && !new DirectoryInfo(directory).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(FullPath, recursive: true);
    }
}
