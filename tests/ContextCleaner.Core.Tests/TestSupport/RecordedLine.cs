using System.Text;

namespace ContextCleaner.Core.Tests.TestSupport;

/// <summary>One delivered line.</summary>
internal sealed record RecordedLine(byte[] Bytes, long Offset, bool Terminated)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}
