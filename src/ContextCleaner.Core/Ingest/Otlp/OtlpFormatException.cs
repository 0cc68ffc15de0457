namespace ContextCleaner.Core.Ingest.Otlp;

/// <summary>A body that is not a valid OTLP export of the expected signal; the message is one line for the HTTP 400 answer.</summary>
public sealed class OtlpFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OtlpFormatException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public OtlpFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public OtlpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
