using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ContextCleaner.Tests.Shared;

/// <summary>
/// Holds a write lock on a file the way another process running DuckDB would. DuckDB locks its file with a classic
/// POSIX record lock (<c>fcntl F_SETLK</c>), which never conflicts with a lock of the same process; an open file
/// description lock (<c>F_OFD_SETLK</c>, Linux 3.15+) does conflict with it even inside one process (fcntl(2),
/// "Open file description locks"), so one test process can play both sides. Linux only.
/// </summary>
internal sealed class ForeignFileLock : IDisposable
{
    private const int FOfdSetLk = 37;
    private const short FWrLck = 1;
    private readonly SafeFileHandle _handle;

    public ForeignFileLock(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var request = new Flock { Type = FWrLck, Whence = 0, Start = 0, Length = 0, Pid = 0 };
        if (Fcntl((int)_handle.DangerousGetHandle(), FOfdSetLk, ref request) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _handle.Dispose();
            throw new IOException($"fcntl(F_OFD_SETLK) on {path} failed with errno {errno}");
        }
    }

    public void Dispose() => _handle.Dispose();

    // DllImport rather than LibraryImport: the struct is blittable, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, ref Flock request);

    // struct flock of Linux on 64-bit targets (x86-64, arm64): natural alignment gives the C layout.
    [StructLayout(LayoutKind.Sequential)]
    private struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }
}
