namespace ContextCleaner.Tests.Shared;

/// <summary>A fresh folder under the system temp folder, deleted (permissions restored first) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("cc-tests-").FullName;

    public string Path { get; }

    /// <summary>A path inside the folder; parts may contain '/'.</summary>
    public string Combine(params string[] parts) =>
        System.IO.Path.Combine([Path, .. parts.Select(p => p.Replace('/', System.IO.Path.DirectorySeparatorChar))]);

    public string CreateDirectory(string relative) => Directory.CreateDirectory(Combine(relative)).FullName;

    public string WriteFile(string relative, byte[] bytes)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string WriteFile(string relative, string text) => WriteFile(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        try
        {
            // A test may leave a folder without permissions behind (the unreadable-file case when not root).
            foreach (var directory in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
            {
                if (!OperatingSystem.IsWindows() && !new DirectoryInfo(directory).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a killed child process: the OS temp policy cleans it up.
        }
    }
}
