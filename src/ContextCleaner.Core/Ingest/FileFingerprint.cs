using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Identifies the already-imported part of a file: a hash of its first and last <see cref="Window"/> bytes before the
/// checkpoint. If they still match, the file only grew and the import resumes at the checkpoint; otherwise the file
/// was rewritten and is read again from the start.
/// </summary>
internal static class FileFingerprint
{
    public const int Window = 4096;

    public static int WindowFor(long offset) => (int)Math.Min(Window, offset);

    public static ulong Compute(SafeFileHandle handle, long offset, int window)
    {
        if (window <= 0)
        {
            return 0;
        }

        Span<byte> head = stackalloc byte[Window];
        Span<byte> tail = stackalloc byte[Window];
        var headRead = ReadExactly(handle, head[..window], 0);
        var tailRead = ReadExactly(handle, tail[..window], offset - window);
        var hash = new XxHash64();
        hash.Append(head[..headRead]);
        hash.Append(tail[..tailRead]);
        return hash.GetCurrentHashAsUInt64();
    }

    private static int ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
