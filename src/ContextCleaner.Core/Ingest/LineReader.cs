using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ContextCleaner.Core.Ingest;

/// <summary>
/// Splits a byte range of a file into lines through one pooled buffer that grows only for a longer line, so memory
/// stays flat whatever the file size. Returns the offset just after the last complete line.
/// </summary>
internal static class LineReader
{
    /// <summary>Size of a fresh read buffer.</summary>
    public const int InitialBufferSize = 1 << 20;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static long ReadLines(SafeFileHandle handle, long start, long end, int maxLineBytes, ILineVisitor visitor, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(InitialBufferSize, Math.Max(4096, end - start)));
        try
        {
            return ReadLines(handle, start, end, maxLineBytes, visitor, ref buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Same, through a caller-owned buffer that is grown in place for a longer line (and kept for the next file).</summary>
    public static long ReadLines(SafeFileHandle handle, long start, long end, int maxLineBytes, ILineVisitor visitor, ref byte[] buffer,
        CancellationToken cancellationToken)
    {
        {
            var bufferStart = start;    // file offset of buffer[0]
            var filled = 0;
            var position = start;
            var skipping = false;       // inside an oversized line, discarding bytes up to its end
            var skipStart = 0L;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var want = (int)Math.Min(buffer.Length - filled, end - position);
                var read = want > 0 ? RandomAccess.Read(handle, buffer.AsSpan(filled, want), position) : 0;
                position += read;
                filled += read;
                var consumed = 0;
                var data = buffer.AsSpan(0, filled);
                while (true)
                {
                    var newline = data[consumed..].IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    var lineOffset = bufferStart + consumed;
                    if (skipping)
                    {
                        visitor.Oversized(skipStart, lineOffset + newline - skipStart);
                        skipping = false;
                    }
                    else
                    {
                        Deliver(data.Slice(consumed, newline), lineOffset, terminated: true, maxLineBytes, visitor);
                    }

                    consumed += newline + 1;
                }

                if (read == 0)
                {
                    if (skipping)
                    {
                        visitor.Oversized(skipStart, bufferStart + filled - skipStart);
                    }
                    else if (consumed < filled)
                    {
                        Deliver(data[consumed..], bufferStart + consumed, terminated: false, maxLineBytes, visitor);
                    }

                    return bufferStart + consumed;
                }

                if (consumed == 0 && filled == buffer.Length)
                {
                    if (skipping || buffer.Length >= maxLineBytes)
                    {
                        // The current line is longer than we accept: drop what we have and skip to its end.
                        skipStart = skipping ? skipStart : bufferStart;
                        skipping = true;
                        consumed = filled;
                    }
                    else
                    {
                        var larger = new byte[(int)Math.Min((long)buffer.Length * 2, maxLineBytes)];
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        buffer = larger;
                        continue;
                    }
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                bufferStart += consumed;
                filled -= consumed;
            }
        }
    }

    private static void Deliver(ReadOnlySpan<byte> line, long offset, bool terminated, int maxLineBytes, ILineVisitor visitor)
    {
        if (line.Length > maxLineBytes)
        {
            // Fits in the buffer (whose first size does not depend on the limit) but is still too long.
            visitor.Oversized(offset, line.Length);
            return;
        }

        if (offset == 0 && line.StartsWith(Utf8Bom))
        {
            line = line[Utf8Bom.Length..];
            offset = Utf8Bom.Length;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        visitor.Line(line, offset, terminated);
    }
}
