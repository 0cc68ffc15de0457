namespace ContextCleaner.Core.Tests.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of <paramref name="relative"/> inside the folder ('/'-separated).</summary>
    public string Combine(string relative) =>
        System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Creates the folder <paramref name="relative"/> (and its parents) and returns its full path.</summary>
    public string CreateDirectory(string relative) => Directory.CreateDirectory(Combine(relative)).FullName;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relative"/>, creating folders, and returns the full path.</summary>
    public string WriteFile(string relative, byte[] bytes)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) to <paramref name="relative"/> and returns the full path.</summary>
    public string WriteFile(string relative, string text) => WriteFile(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
