using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContextCleaner.TestCorpus;

/// <summary>
/// A reusable buffer + compact Utf8JsonWriter for one transcript line. Non-ASCII text is written as UTF-8 (like
/// Claude Code's JSON.stringify), quotes, backslashes and control characters are escaped.
/// </summary>
internal sealed class JsonLine : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private readonly Utf8JsonWriter writer;

    public JsonLine()
    {
        writer = new Utf8JsonWriter(buffer, Options);
    }

    public Utf8JsonWriter Begin()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>The finished line (no newline); valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> End()
    {
        writer.Flush();
        return buffer.WrittenSpan;
    }

    public void Dispose() => writer.Dispose();
}
