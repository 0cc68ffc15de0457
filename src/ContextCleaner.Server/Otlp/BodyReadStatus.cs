namespace ContextCleaner.Server.Otlp;

/// <summary>Why a body could not be read.</summary>
internal enum BodyReadStatus
{
    /// <summary>Read (and decompressed).</summary>
    Ok,

    /// <summary>Larger than the limit, before or after decompression.</summary>
    TooLarge,

    /// <summary>Declared gzip but not valid gzip.</summary>
    BadGzip,

    /// <summary>A <c>Content-Encoding</c> other than gzip or identity.</summary>
    UnsupportedEncoding,
}
